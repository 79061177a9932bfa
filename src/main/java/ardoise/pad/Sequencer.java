package ardoise.pad;

import ardoise.pad.UnstoredOps.Pending;
import ardoise.ot.AttributedText;
import ardoise.ot.InvalidOperationException;
import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.ClientSeq;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pad's submit pipeline (ShareDB style): validate → dedupe → rebase → check limits → apply to
 * the pending document → queue; then commit with group commit: while one append is in flight,
 * further ops wait and go in the next batch, and two appends start at least the fan-out's interval
 * apart (see {@link Fanout}). Only a successful append advances the head, acks the sender and
 * broadcasts (one {@link Fanout#committed} per append), in revision order.
 *
 * <p>Invariant: the head advances only by a successful append or by ops read back from the store,
 * one revision at a time; queued ops always apply after the head (see {@link UnstoredOps}). A head
 * the store announces only says where to read: one it cannot serve is forgotten, never waited for.
 * Thread rule: pad context only.
 */
final class Sequencer {
  private final String padId;
  private final PadStore store;
  private final CommitWindow window;
  private final PadSettings settings;
  private final Vertx vertx;
  private final System.Logger log;
  private final Fanout fanout;
  private final CommitTimings timings;
  private final Consumer<List<Pending>> drop;
  private final UnstoredOps queue;
  private final List<Promise<Void>> drainWaiters = new ArrayList<>();
  private long knownHead;
  private long lastSnapshotRev;
  private boolean busy;
  /** Set when the pad is deleted: nothing is stored any more; completes when no store call is in flight. */
  private Promise<Void> halted;
  /** The last snapshot sent to the store (a deletion waits for it too). */
  private Future<Void> snapshotting = Future.succeededFuture();
  private long pacingTimer = -1;
  private final StoreRetry retry;
  private Runnable onGone = () -> { };
  private Runnable onForked = () -> { };
  private Consumer<List<OpRecord>> onStoreFull = batch -> { };
  private Consumer<OpRecord> onCommit = rec -> { };
  private boolean gone;
  /** What waits for the pad's first revision (see {@link #whenWritten}); null once run. */
  private Runnable whenWritten;

  Sequencer(String padId, PadStore store, CommitWindow window, PadSettings settings, Vertx vertx, System.Logger log,
      Fanout fanout, CommitTimings timings, Consumer<List<Pending>> drop, long lastSnapshotRev, HeldOps held) {
    this.padId = padId;
    this.store = store;
    this.window = window;
    this.settings = settings;
    this.vertx = vertx;
    this.log = log;
    this.fanout = fanout;
    this.timings = timings;
    this.drop = drop;
    this.queue = new UnstoredOps(window.doc(), held);
    this.retry = new StoreRetry(padId, store, vertx, log);
    this.knownHead = window.head();
    this.lastSnapshotRev = lastSnapshotRev;
  }

  /** Called once if the store says the pad is gone (see {@link AppendResult#gone()}). */
  void onGone(Runnable r) {
    onGone = r;
  }

  /** Called once if the store's history parted from this server's (see {@link #forked}). */
  void onForked(Runnable r) {
    onForked = r;
  }

  /**
   * Called with each batch the store refused because it is full ({@link ardoise.store.StoreFull}):
   * the ops stay queued and are retried, so their authors are told to wait, not to drop them.
   */
  void onStoreFull(Consumer<List<OpRecord>> c) {
    onStoreFull = c;
  }

  /** Called with each revision committed, after the head moved to it (here or read back from the store). */
  void onCommit(Consumer<OpRecord> c) {
    onCommit = c;
  }

  /** Runs the pipeline; refusals go to the member. Completes once the op is queued or refused. */
  Future<Void> submit(Submission s) {
    if (s.rev() < 0 || s.rev() > window.head()) {
      reject(s, Rejection.BAD_REV, "rev " + s.rev() + " is not between 0 and the pad's head " + window.head());
      return Future.succeededFuture();
    }
    if (!dedupe(s)) return Future.succeededFuture();
    if (window.head() - s.rev() > settings.maxRebaseRevisions()) {
      rejectTooOld(s, (window.head() - s.rev()) + " revisions, more than " + settings.maxRebaseRevisions());
      return Future.succeededFuture();
    }
    return window.since(s.rev(), settings.windowMaxBytes()).map(committed -> {
      if (!dedupe(s)) return (Void) null;
      if (committed == null) rejectTooOld(s, "more than " + settings.windowMaxBytes() + " bytes of ops");
      else rebaseAndQueue(s, committed);
      return (Void) null;
    }).recover(e -> {
      log.log(System.Logger.Level.WARNING, "pad={0} client={1} cannot read ops after rev {2,number,#}: {3}", padId, s.clientId(), s.rev(), e.toString());
      reject(s, Rejection.STORE_UNAVAILABLE, "the store cannot be read right now; keep the op and retry");
      return Future.succeededFuture();
    });
  }

  /** True when {@code s} is the next seq of its client; otherwise answers it (ack again or seq-gap). */
  private boolean dedupe(Submission s) {
    String clientId = s.clientId();
    ClientSeq last = window.lastSeq(clientId);
    long committed = last == null ? 0 : last.seq();
    long queued = queue.lastSeq(clientId);
    if (s.seq() == committed) {
      s.answer(m -> m.ack(s.seq(), last.rev()));
    } else if (s.seq() < committed) {
      window.revOf(clientId, s.seq()).onComplete(r -> {
        if (r.succeeded() && r.result() > 0) s.answer(m -> m.ack(s.seq(), r.result()));
        else reject(s, Rejection.STORE_UNAVAILABLE, "cannot find the revision of seq " + s.seq() + " right now");
      });
    } else if (s.seq() <= queued) {
      return false; // already queued: its ack goes to every connection of this clientId once stored
    } else if (s.seq() > Math.max(committed, queued) + 1) {
      reject(s, Rejection.SEQ_GAP, "seq " + s.seq() + " skips ahead; next expected is " + (Math.max(committed, queued) + 1));
    } else {
      return true;
    }
    return false;
  }

  private void rebaseAndQueue(Submission s, List<OpRecord> committed) {
    String author = s.seat().info().authorId();
    TextOperation onHead = s.op().withAuthor(author);
    TextOperation op;
    try {
      for (OpRecord r : committed) onHead = TextOperation.transform(onHead, r.op()).aPrime();
      op = onHead;
      for (Pending p : queue.ops()) op = TextOperation.transform(op, p.op()).aPrime();
    } catch (InvalidOperationException e) {
      reject(s, Rejection.BAD_OP, "op does not apply to revision " + s.rev() + ": " + e.getMessage());
      return;
    }
    if (op.targetLength() > settings.maxPadChars() && op.targetLength() > op.baseLength()) {
      reject(s, Rejection.PAD_TOO_LARGE, "the pad would exceed " + settings.maxPadChars() + " characters");
      return;
    }
    if (queue.size() >= settings.maxPendingOps()) {
      reject(s, Rejection.STORE_UNAVAILABLE, "too many ops wait for the store; keep the op and retry later");
      return;
    }
    boolean queued;
    try {
      queued = queue.add(new Pending(s.clientId(), s.seq(), author, op, onHead, window.head(),
          System.currentTimeMillis(), System.nanoTime()));
    } catch (InvalidOperationException e) {
      reject(s, Rejection.BAD_OP, e.getMessage());
      return;
    }
    if (!queued) {
      reject(s, Rejection.STORE_UNAVAILABLE, "the server holds too many unsaved edits; keep the op and retry later");
      return;
    }
    pump();
  }

  /** Why refuse: rebasing costs CPU (and memory) per revision crossed; the client rebases on its side by rejoining. */
  private void rejectTooOld(Submission s, String behind) {
    reject(s, Rejection.REV_TOO_OLD, "rev " + s.rev() + " is too far behind the head " + window.head() + " (" + behind
        + "); join again with your rev and resend the op rebased");
  }

  private void reject(Submission s, Rejection reason, String message) {
    s.answer(m -> m.rejected(reason, message, s.seq()));
  }

  /** The store says the head is now {@code head} (maybe another instance committed). */
  void headSeen(long head) {
    knownHead = Math.max(knownHead, head);
    pump();
  }

  /**
   * The pad is deleted: queued ops are dropped (their authors are told by the pad), no append,
   * catch-up or snapshot starts again. Why wait for the call in flight: an append sent before the
   * deletion must not land after it and write the pad anew.
   */
  Future<Void> halt() {
    if (halted == null) {
      halted = Promise.promise();
      if (pacingTimer != -1) vertx.cancelTimer(pacingTimer);
      pacingTimer = -1;
      queue.clear(window.doc());
      drainWaiters.forEach(Promise::tryComplete);
      drainWaiters.clear();
      if (!busy) halted.complete();
    }
    Future<Void> snapshot = snapshotting;
    return halted.future().compose(v -> snapshot.otherwiseEmpty());
  }

  /** Starts the next step: catch up with a moved head, or send the queued ops as one batch. */
  private void pump() {
    if (halted != null) {
      if (!busy) halted.tryComplete();
      return;
    }
    if (gone) {
      drainWaiters.forEach(Promise::tryComplete);
      drainWaiters.clear();
      return;
    }
    if (busy || retry.isWaiting() || pacingTimer != -1) return;
    if (knownHead > window.head()) {
      busy = true;
      long announced = knownHead;
      store.ops(padId, window.head(), announced).onComplete(r -> caughtUp(announced, r));
    } else if (!queue.isEmpty()) {
      long now = System.nanoTime();
      long delay = fanout.appendDelay(now);
      if (delay >= 1_000_000) {
        // Why wait: the ops arriving meanwhile go out in this append's one flush (see Fanout).
        pacingTimer = vertx.setTimer(delay / 1_000_000, id -> {
          pacingTimer = -1;
          pump();
        });
        return;
      }
      busy = true;
      fanout.appendStarted(now);
      timings.appendStarted(now - queue.oldestQueuedNanos());
      List<OpRecord> batch = queue.batch(window.head(), settings.maxBatch());
      store.append(padId, window.head(), headRecord(window.head()), batch).onComplete(r -> appended(batch, r));
    } else {
      drainWaiters.forEach(Promise::tryComplete);
      drainWaiters.clear();
    }
  }

  private void appended(List<OpRecord> batch, AsyncResult<AppendResult> r) {
    busy = false;
    if (halted != null) {
      halted.tryComplete();
      return;
    }
    if (r.failed()) {
      if (r.cause() instanceof ardoise.store.StoreFull) onStoreFull.accept(batch);
      storeFailed("append", r.cause());
      return;
    }
    if (r.result().gone()) {
      storeAnswered();
      padGone();
      return;
    }
    if (r.result().forked()) {
      storeAnswered();
      forked(r.result().head());
      return;
    }
    if (r.result().appended()) {
      storeAnswered();
      List<AttributedText> docs = queue.removeStored(batch.size());
      for (int i = 0; i < batch.size(); i++) commit(batch.get(i), docs.get(i));
      fanout.committed(batch);
    } else if (r.result().head() < window.head()) {
      storeAnswered();
      restoreLost(r.result().head());
      return;
    } else {
      // Not yet the end of an outage: the catch-up that follows says whether the store serves that head.
      knownHead = Math.max(knownHead, r.result().head());
    }
    pump();
  }

  /** The pad found the store without it (a join's check): same as a commit that finds it gone. */
  void storeLostPad() {
    if (!gone) padGone();
  }

  /**
   * The store has no such pad any more (its lifetime passed without an edit, or it was deleted).
   * Why not write it back from memory as {@link #restoreLost} does: that would resurrect a pad its
   * lifetime or its owner deleted. The queued ops are dropped; the pad tells its members.
   */
  /**
   * The identity of this server's record of revision {@code rev}, for the store to check that its
   * own is the same; null when not in memory (revision 0, or older than the window).
   */
  private String headRecord(long rev) {
    return rev > window.windowStart() ? window.recordAfter(rev - 1).identity() : null;
  }

  /**
   * The store's revision {@code storeHead} is another edit than this server's: a Redis failover
   * dropped revisions, and another server wrote new ones under the same numbers before this one
   * wrote its copies back. This server's revisions from there on cannot be written on top (they
   * were made on another text), and its members hold that other text: the pad stops, its members
   * rejoin, and the next join loads the pad as the store has it. The edits only this server held
   * are lost, as the replica wait's absence allows (docs/storage.md, "Failover").
   */
  private void forked(long storeHead) {
    log.log(System.Logger.Level.ERROR, "pad={0} client=- the store''s revision {1,number,#} is another edit than this "
        + "server''s: after a Redis failover, another server wrote over the lost revisions; dropping this server''s "
        + "revisions up to {2,number,#} and {3,number,#} queued ops, members rejoin", padId, storeHead, window.head(), queue.size());
    stop(onForked);
  }

  private void padGone() {
    log.log(System.Logger.Level.INFO, "pad={0} client=- gone from the store (lifetime passed or deleted); "
        + "dropping {1,number,#} queued ops", padId, queue.size());
    stop(onGone);
  }

  /** Takes no more ops, drops the queued ones and lets {@code tell} send the members away. */
  private void stop(Runnable tell) {
    gone = true;
    queue.clear(window.doc());
    tell.run();
    pump();
  }

  /**
   * The store is behind revisions it acknowledged (a Redis that lost the tail of its append-only
   * file, or was restored from a backup). Why: retrying would loop forever, and the lost revisions
   * are still in memory: append them again, then carry on. Older than the window, they are gone.
   */
  private void restoreLost(long storeHead) {
    if (storeHead < window.windowStart()) {
      storeFailed("append", new IllegalStateException("the store is at rev " + storeHead + ", behind rev "
          + window.head() + " beyond what this server still holds"));
      return;
    }
    List<OpRecord> lost = window.tailFrom(storeHead);
    log.log(System.Logger.Level.ERROR, "pad={0} client=- the store lost revisions {1,number,#}..{2,number,#} it had "
        + "acknowledged; writing them again from memory", padId, storeHead + 1, window.head());
    busy = true;
    store.append(padId, storeHead, headRecord(storeHead), lost).onComplete(r -> {
      busy = false;
      if (halted != null) {
        halted.tryComplete();
        return;
      }
      if (r.failed()) storeFailed("append", r.cause());
      else if (r.result().forked()) forked(r.result().head());
      else pump();
    });
  }

  /** The store's answer to a read of the revisions after the head up to {@code announced}. */
  private void caughtUp(long announced, AsyncResult<List<OpRecord>> r) {
    busy = false;
    if (halted != null) {
      halted.tryComplete();
      return;
    }
    if (r.failed()) {
      storeFailed("ops", r.cause());
      return;
    }
    long before = window.head();
    List<OpRecord> foreign = new ArrayList<>();
    List<OpRecord> committed = new ArrayList<>();
    for (OpRecord rec : r.result()) {
      if (rec.rev() != window.head() + 1) continue;
      if (foreign.isEmpty() && queue.startsWith(rec)) {
        // Why: an append whose reply was lost (Redis stopped, or the connection broke after the
        // script ran) did commit; its records come back here and are ours, not foreign.
        queue.removeStored(1);
      } else {
        foreign.add(rec);
      }
      commit(rec);
      committed.add(rec);
    }
    fanout.committed(committed);
    if (window.head() == before) {
      forgetUnservedHead(announced);
      return;
    }
    storeAnswered();
    if (!foreign.isEmpty()) rebaseQueue(foreign);
    pump();
  }

  /**
   * The store has no revision after the head up to {@code announced}: the writes that announced it
   * are gone from the store. With the replica wait these are writes nobody was acknowledged for: on
   * a master that a failover replaced before any replica had them, their head reached this pad
   * first (the commit script publishes it before its replica wait; a head read on that master).
   * Why forget it: it never comes back, and waiting for it would hold the queued ops forever; the
   * next append's head check, inside the store, says where the head really is. Why after a backoff:
   * a store that keeps announcing a head it cannot serve must not be polled in a hot loop. A head
   * announced while the read was in flight is kept: it may be real.
   */
  private void forgetUnservedHead(long announced) {
    if (knownHead == announced) knownHead = window.head();
    storeFailed("ops", new IllegalStateException("no ops after rev " + window.head() + " up to " + announced
        + "; going on from rev " + window.head()));
  }

  /** Runs {@code action} once the pad has a revision: now if it has one, else at its first commit (here or by another instance). */
  void whenWritten(Runnable action) {
    if (window.head() > 0) action.run();
    else whenWritten = action;
  }

  private void commit(OpRecord rec) {
    commit(rec, null);
  }

  /** Commits {@code rec}; {@code after}, when known, is the document it leaves (else the op is applied). */
  private void commit(OpRecord rec, AttributedText after) {
    window.commit(rec, after);
    if (whenWritten != null) {
      Runnable action = whenWritten;
      whenWritten = null;
      action.run();
    }
    onCommit.accept(rec);
    if (window.head() - lastSnapshotRev >= settings.snapshots().revisionsBetween(window.doc().length())) saveSnapshot();
  }

  /** Moves the queued ops after ops committed elsewhere; a queued op that was itself committed there drops the queue. */
  private void rebaseQueue(List<OpRecord> foreign) {
    for (OpRecord f : foreign) {
      if (queue.overlaps(f)) {
        // Why: the same op was committed by another instance; our queued ops were rebased on it and
        // cannot be un-applied cheaply. The clients keep unacknowledged ops and resend them on rejoin.
        log.log(System.Logger.Level.WARNING, "pad={0} client={1} seq {2,number,#} committed by another instance; "
            + "dropping {3,number,#} queued ops", padId, f.clientId(), f.seq(), queue.size());
        drop.accept(queue.clear(window.doc()));
        return;
      }
    }
    if (!queue.rebase(window)) {
      log.log(System.Logger.Level.WARNING, "pad={0} client=- queued ops are older than the in-memory window; dropping {1,number,#}",
          padId, queue.size());
      drop.accept(queue.clear(window.doc()));
    }
  }

  private void storeFailed(String what, Throwable cause) {
    retry.failed(what, cause, queue.size(), this::pump);
  }

  private void storeAnswered() {
    retry.answered(queue.size());
  }

  /** Saves a snapshot of the head; cheap because the document is a persistent value. */
  Future<Void> saveSnapshot() {
    if (gone || halted != null || window.head() == lastSnapshotRev) return Future.succeededFuture();
    long rev = window.head();
    lastSnapshotRev = rev;
    return snapshotting = store.saveSnapshot(padId, new ardoise.store.Snapshot(rev, window.doc(), System.currentTimeMillis()))
        .onFailure(e -> log.log(System.Logger.Level.WARNING, "pad={0} client=- snapshot at rev {1,number,#} failed: {2}", padId, rev, e.toString()));
  }

  /** Completes when nothing waits to be stored (or fails after {@code timeoutMillis}). */
  Future<Void> drain(long timeoutMillis) {
    Promise<Void> p = Promise.promise();
    drainWaiters.add(p);
    long timer = vertx.setTimer(timeoutMillis, id -> p.tryFail("pad " + padId + ": " + queue.size() + " ops still not stored"));
    pump();
    return p.future().onComplete(x -> vertx.cancelTimer(timer));
  }

  boolean isIdle() {
    if (halted != null) return !busy;
    return gone || queue.isEmpty() && !busy && !retry.isWaiting();
  }

}
