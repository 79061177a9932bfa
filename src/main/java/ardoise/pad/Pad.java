package ardoise.pad;

import ardoise.ot.TextOperation;
import ardoise.store.ChatMessage;
import ardoise.store.ClientSeq;
import ardoise.store.OpRecord;
import ardoise.store.PadLifetime;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One pad's sequencer: the single place where its ops get their revisions.
 *
 * <p>Invariant: members see committed revisions in order, each exactly once (as {@code ack} for
 * their own clientId, {@code op} otherwise), and only after the store accepted them. Requests
 * (join, submit, cursor, profile, leave) run one at a time in arrival order, so the frames of one
 * connection keep their order even when a step waits for the store.
 *
 * <p>Thread rule: all state lives on one Vert.x context, the one that created the pad; every
 * method must be called on it (no locks).
 */
public final class Pad {
  private static final System.Logger LOG = System.getLogger(Pad.class.getName());
  private static final int REPLAY_CHUNK = 500;

  private final String padId;
  private final PadStore store;
  private final PadSettings settings;
  private final Thread thread;
  private final Context context;
  private final CommitWindow window;
  private final Sequencer sequencer;
  private final Fanout fanout;
  /** The members in arrival order, each with its seat (profile, loop). */
  private final Map<Member, Seat> members = new LinkedHashMap<>();
  private final RequestQueue requests;
  private final PadChat chat;
  private final Runnable onEmpty;
  private boolean closed;
  /** Set by {@link #erase}: the pad was deleted. */
  private boolean erased;
  private PadStore.Subscription watch;
  private final Presence presence;
  private final AuthorMemory authorMemory;
  /** authorId → colour of every author this pad knows (remembered with the pad, and seen since): see {@link Palette}. */
  private final Map<String, String> authorColors = new HashMap<>();
  /** The owner's lock, password and lifetime; changed by {@link #applyPolicy}. */
  private final OwnerRules owner;

  /** Thrown (as a failed future) by {@link #join} on a pad that is unloading: get a fresh one from the registry. */
  public static final class ClosedException extends IllegalStateException {
    ClosedException(String padId) {
      super("pad " + padId + " is closed");
    }
  }

  /** {@code held} is the server-wide budget of ops accepted but not yet stored, shared by its pads. */
  Pad(String padId, PadStore store, PadSettings settings, Context context, StoredPad stored, Runnable onEmpty,
      HeldOps held) {
    this(padId, store, settings, context, stored, onEmpty, held, PadPolicy.OPEN, PadLifetime.FOREVER,
        PadRegistry.PASSWORD_TRIES_PER_MINUTE, CommitTimings.NONE);
  }

  /**
   * With the owner's {@code policy} and the pad's {@code lifetime} as stored, the budget of wrong
   * passwords, and where its commit timings go.
   */
  Pad(String padId, PadStore store, PadSettings settings, Context context, StoredPad stored, Runnable onEmpty,
      HeldOps held, PadPolicy policy, PadLifetime lifetime, int passwordTriesPerMinute, CommitTimings timings) {
    this.padId = padId;
    this.store = store;
    this.settings = settings;
    this.context = context;
    this.thread = Thread.currentThread(); // created on the context's event loop (see PadRegistry)
    this.onEmpty = onEmpty;
    this.requests = new RequestQueue(padId);
    this.chat = new PadChat(padId, store.chat(), settings.chatKept(), members);
    this.window = new CommitWindow(padId, store, settings.windowSize(), settings.windowMaxBytes(), stored);
    long snapshotRev = stored == null ? 0 : stored.snapshot().rev();
    this.presence = new Presence(members, context.owner(), settings.presenceMillis());
    this.authorMemory = new AuthorMemory(context.owner(), settings.profileStoreMillis());
    this.fanout = new Fanout(members, window, context.owner(), settings.fanoutNanosPerMember(), this::commitComing, timings);
    this.owner = new OwnerRules(context.owner(), window, policy, lifetime, passwordTriesPerMinute);
    this.sequencer = new Sequencer(padId, store, window, settings, context.owner(), LOG, fanout, timings, this::dropped, snapshotRev, held);
    // Nothing is stored for a pad before its first edit, the profiles of its visitors included.
    authorMemory.holdUntilWritten();
    sequencer.whenWritten(authorMemory::written);
    sequencer.onStoreFull(this::storeFull);
    sequencer.onCommit(rec -> authorMemory.edited(rec.author()));
  }

  /** The store is full: the authors of the refused ops hear it (store-unavailable); the ops stay queued and go once it has room. */
  private void storeFull(List<OpRecord> refused) {
    Map<String, Seat> byClient = new HashMap<>();
    for (Seat seat : members.values()) byClient.put(seat.clientId(), seat);
    for (OpRecord rec : refused) {
      Seat seat = byClient.get(rec.clientId());
      if (seat != null) {
        seat.tell(m -> m.rejected(Rejection.STORE_UNAVAILABLE,
            "the store is full and refuses writes; your edit is kept here and saved once it has room", rec.seq()));
      }
    }
  }

  /**
   * The store no longer has the pad (its lifetime passed without an edit, or it was deleted): the
   * pad stops taking requests, tells every member and asks {@code forget} to drop it, so that the
   * next join loads the pad as the store has it (new and empty).
   */
  Pad onGone(Runnable forget) {
    sequencer.onGone(() -> leave(Rejection.PAD_DELETED,
        "this pad was deleted (its lifetime passed without an edit, or its owner deleted it)", forget));
    // The store's history parted from this server's: members rejoin and get the pad as it is stored.
    sequencer.onForked(() -> leave(Rejection.SERVER_ERROR,
        "this server's copy of the pad no longer matches the stored one after a storage failover; reconnect", forget));
    return this;
  }

  /** Stops taking requests, tells every member why, and asks {@code forget} to drop the pad. */
  private void leave(Rejection reason, String message, Runnable forget) {
    closed = true;
    fanout.close();
    presence.close();
    evict(seat -> true, reason, message);
    if (watch != null) watch.close();
    forget.run();
  }

  /** Subscribes to heads committed by other instances. */
  Future<Pad> start() {
    return store.watch(padId, sequencer::headSeen, this::policyStored).compose(sub -> {
      watch = sub;
      // Why before the first join: a newcomer must not be given the colour of an absent author's text.
      return store.notes().authors(padId).recover(e -> Future.succeededFuture(Map.of()));
    }).map(authors -> {
      authors.forEach((id, profile) -> authorColors.put(id, profile.color()));
      return this;
    });
  }

  public String padId() { return padId; }

  public long head() { return window.head(); }

  public int memberCount() { return members.size(); }

  /** Estimated bytes of the committed ops this pad keeps in memory (its window; at most ARDOISE_WINDOW_MAX_BYTES). */
  public long memoryBytes() {
    checkContext();
    return window.bytes();
  }

  /**
   * Adds the arriving member. With a replayable {@code rev} (0..head), it gets {@code joined(rev)} then
   * every later revision in order; otherwise {@code joined(head)} with the text and author runs. Then
   * the pad's recent chat messages, if there are any.
   * Completes with false when the member was refused (it was told why).
   */
  public Future<Boolean> join(Arrival arrival, Long rev) {
    checkContext();
    if (closed) return Future.failedFuture(new ClosedException(padId));
    // Why before the queue: a password check takes 100,000 HMAC rounds on a worker, and the pad's
    // other requests (everyone's typing) must not wait for it.
    return owner.atJoin(new Seat(arrival), arrival.password()).compose(unlocked -> unlocked == null ? Future.succeededFuture(false) : queueJoin(arrival.withoutPassword(), rev, unlocked));
  }

  private Future<Boolean> queueJoin(Arrival arrival, Long rev, boolean unlocked) {
    return requests.run(() -> {
      if (closed) return Future.failedFuture(new ClosedException(padId));
      if (window.head() == 0) return admit(arrival, rev, unlocked);
      // Why ask the store: a pad whose lifetime passed while it stayed loaded (nobody wrote, a tab
      // stayed open) must not be served from memory to a newcomer. One EXISTS per join; if the store
      // cannot answer, the pad in memory is the best there is.
      return store.exists(padId).recover(e -> Future.succeededFuture(true)).compose(exists -> {
        if (exists || closed) return closed ? Future.failedFuture(new ClosedException(padId)) : admit(arrival, rev, unlocked);
        sequencer.storeLostPad();
        return Future.failedFuture(new ClosedException(padId)); // the session joins the pad loaded afresh
      });
    });
  }

  private Future<Boolean> admit(Arrival arrival, Long rev, boolean unlocked) {
    Seat seat = new Seat(arrival);
    seat.unlocked = unlocked;
    replaceSameClient(seat);
    int sameKind = 0; // writers and viewers have limits of their own
    for (Seat other : members.values()) if (other.viewer == seat.viewer) sameKind++;
    int limit = seat.viewer ? settings.maxViewers() : settings.maxMembers();
    if (sameKind >= limit) {
      String message = "this pad already has " + limit + (seat.viewer ? " read-only connections" : " writing connections");
      seat.tell(m -> m.evicted(Rejection.TOO_MANY_CONNECTIONS, message));
      if (members.isEmpty()) onEmpty.run();
      return Future.succeededFuture(false);
    }
    if (rev != null && rev > window.head()) {
      String message = "rev " + rev + " is ahead of the pad's head " + window.head();
      seat.tell(m -> m.rejected(Rejection.BAD_REV, message, 0));
      return Future.succeededFuture(false);
    }
    boolean replay = rev != null && window.head() - rev <= settings.windowSize() * 10L;
    // Why admit in the completion of the replay's read: no revision may be flushed between the
    // two. The chat's history is read first, and its queue waits for the admission (PadChat).
    // A replay larger than the window's bytes is not held in memory: the text is sent instead.
    return chat.withHistory(history -> (replay ? window.since(rev, settings.windowMaxBytes()) : Future.<List<OpRecord>>succeededFuture(null))
        .map(ops -> admit(seat, ops == null ? null : rev, ops, history)));
  }

  /**
   * Only one connection speaks for a clientId: the pad tells the members their own ops' commits by
   * clientId, so two seats sharing one would both take each other's acks. A join with the clientId
   * of a present member (its secret, so the same tab, whose old socket may not be known dead yet)
   * takes its place; the old connection is closed with {@link Rejection#REPLACED}.
   */
  private void replaceSameClient(Seat arriving) {
    int replaced = evict(other -> other.clientId().equals(arriving.clientId()), Rejection.REPLACED,
        "this tab joined again on a newer connection");
    if (replaced > 0) presence.sendNow(); // not unloaded when it was the last: the arriving seat takes its place
  }

  private boolean admit(Seat seat, Long rev, List<OpRecord> missed, List<ChatMessage> chatHistory) {
    if (erased) { // deleted while this join read the chat
      seat.tell(m -> m.evicted(Rejection.PAD_DELETED, "this pad was deleted"));
      return false;
    }
    ClientSeq last = window.lastSeq(seat.clientId());
    long lastSeq = last == null ? 0 : last.seq();
    PolicyView view = owner.view(seat);
    if (rev == null) {
      long head = window.head();
      Member.JoinSnapshot snapshot = new Member.JoinSnapshot(window.doc().text(), window.doc().runs());
      seat.tell(m -> m.joined(head, snapshot, lastSeq, view));
    } else {
      seat.tell(m -> m.joined(rev, null, lastSeq, view));
      // Why in chunks: a connection taking batches gets each as one frame; a replay may be 10,000 ops.
      for (int i = 0; i < missed.size(); i += REPLAY_CHUNK) {
        List<OpRecord> chunk = missed.subList(i, Math.min(missed.size(), i + REPLAY_CHUNK));
        Broadcast replayed = new Broadcast(chunk, List.of(), chunk.get(chunk.size() - 1).rev());
        seat.tell(m -> m.broadcast(replayed));
      }
    }
    if (seat.info().color() == null) seat.recolor(freeColor(seat));
    if (!chatHistory.isEmpty()) seat.tell(m -> m.chat(chatHistory, true));
    members.put(seat.member, seat);
    if (!seat.viewer) seen(seat.info()); // read-only viewers are nobody's author
    presence.sendNow();
    return true;
  }

  /**
   * Submits {@code op} made on {@code rev} as {@code seq} of the member's clientId (see {@link Sequencer}).
   * Only a joined member submits; anything else is a caller's bug and is dropped with a log line.
   */
  public void submit(Member member, long rev, long seq, TextOperation op) {
    checkContext();
    requests.run(() -> {
      Seat seat = members.get(member);
      if (seat == null) {
        LOG.log(System.Logger.Level.WARNING, "pad={0} client=- op from a connection that is not a member dropped", padId);
        return Future.succeededFuture();
      }
      if (closed) {
        seat.tell(m -> m.rejected(Rejection.STORE_UNAVAILABLE, "the pad is shutting down; keep the op and resend it", seq));
        return Future.succeededFuture();
      }
      if (owner.refusesOp(seat, seq)) return Future.succeededFuture();
      return sequencer.submit(new Submission(seat, rev, seq, op));
    });
  }

  /** Relays the member's selection, made on {@code rev}, to the others with the next flush (see {@link Fanout}). */
  public void cursor(Member member, long rev, int anchor, int head) {
    checkContext();
    requests.run(() -> {
      Seat seat = members.get(member);
      if (rev < window.windowStart() || seat == null) return Future.succeededFuture(); // stale: cursors are ephemeral
      if (rev > window.head()) {
        String message = "cursor rev " + rev + " is ahead of the pad's head " + window.head();
        seat.tell(m -> m.rejected(Rejection.BAD_REV, message, 0));
        return Future.succeededFuture();
      }
      int length = rev == window.head() ? window.doc().length() : window.recordAfter(rev).op().baseLength();
      if (anchor < 0 || head < 0 || anchor > length || head > length) {
        String message = "cursor outside the document of length " + length + " at rev " + rev;
        seat.tell(m -> m.rejected(Rejection.BAD_REV, message, 0));
        return Future.succeededFuture();
      }
      fanout.cursor(seat, rev, anchor, head);
      return Future.succeededFuture();
    });
  }

  /**
   * The member's name or colour changed: everyone gets the new member list, paced ({@link Presence}),
   * and the pad remembers it, paced too ({@link AuthorMemory}).
   */
  public void profileChanged(Member member, String name, String color) {
    checkContext();
    requests.run(() -> {
      Seat seat = members.get(member);
      if (seat != null) {
        seat.rename(name, color);
        seen(seat.info());
        presence.changed();
      }
      return Future.succeededFuture();
    });
  }

  /**
   * Stores the member's chat message and then tells every member, the sender included (see
   * {@link PadChat}). Read-only viewers read the chat but do not write in it.
   */
  public void chat(Member member, String text) {
    checkContext();
    requests.run(() -> {
      Seat seat = members.get(member);
      if (seat == null || seat.viewer) {
        LOG.log(System.Logger.Level.WARNING, "pad={0} client=- chat from a connection that is not a writing member dropped", padId);
      } else if (closed) {
        seat.tell(m -> m.rejected(Rejection.STORE_UNAVAILABLE, "the pad is shutting down; send the message again", 0));
      } else {
        chat.post(seat, text);
      }
      return Future.succeededFuture();
    });
  }

  /** Removes the member (its connection closed); its latest profile is remembered now if it waited. */
  public void leave(Member member) {
    checkContext();
    requests.run(() -> {
      Seat seat = members.remove(member);
      if (seat != null) {
        if (!seat.viewer) authorMemory.flush(seat.info().authorId());
        membersLeft();
      }
      return Future.succeededFuture();
    });
  }

  /**
   * The member gives the pad's password after joining: right, it may write from now on and gets a
   * {@code policy} with {@code canWrite}; wrong, {@link Rejection#WRONG_PASSWORD}. Checked on a worker,
   * outside the pad's queue, within the budget of wrong passwords.
   */
  public void unlock(Member member, String password) {
    checkContext();
    Seat seat = members.get(member);
    if (seat == null || closed) return;
    owner.unlock(seat, password).onSuccess(ok -> {
      Seat now = members.get(member);
      if (!ok || now == null) return;
      now.unlocked = true;
      PolicyView view = owner.view(now);
      now.tell(m -> m.policy(view));
    });
  }

  /**
   * The owner changed the pad's policy or lifetime: every member gets what it means for it now. A new
   * password (set or changed) must be given again; when it guards reading too, members who have not
   * given it are closed ({@link Rejection#PASSWORD_REQUIRED}: they join again with it).
   */
  void applyPolicy(PadPolicy changed, PadLifetime newLifetime) {
    checkContext();
    // Why: the instance that took an owner's change applies it, and the change's notice has every
    // instance read it again; whichever comes second finds nothing new and tells nobody twice.
    boolean unchanged = owner.holds(changed, newLifetime);
    boolean newPassword = owner.change(changed, newLifetime);
    if (unchanged) return;
    if (newPassword) members.values().forEach(seat -> seat.unlocked = false);
    evict(owner::closesReader, Rejection.PASSWORD_REQUIRED, "the owner protected this pad with a password: join again with it");
    for (Seat seat : members.values()) {
      PolicyView view = owner.view(seat);
      seat.tell(m -> m.policy(view));
    }
    membersLeft();
  }

  /**
   * An owner's change was stored, maybe through another instance: read the policy, lifetime and
   * read-only id and apply them unless this pad already holds them (the instance that took the
   * change applies it itself, usually first).
   */
  private void policyStored() {
    if (closed) return;
    store.policy(padId).compose(policy -> store.lifetime(padId).map(lifetime -> {
      if (!closed && !owner.holds(policy, lifetime)) applyPolicy(policy, lifetime);
      return null;
    })).compose(v -> store.storedReadOnlyId(padId)).onSuccess(readOnlyId -> {
      if (!closed && readOnlyId != null) readOnlyLinkChanged(readOnlyId);
    }).onFailure(e -> LOG.log(System.Logger.Level.WARNING,
        "pad=" + padId + " client=- an owner's change could not be read: " + e.getMessage()));
  }

  /** The owner gave the pad a new read-only id: connections opened with another one are closed. */
  void readOnlyLinkChanged(String newId) {
    checkContext();
    int evicted = evict(seat -> seat.readOnlyId != null && !seat.readOnlyId.equals(newId), Rejection.READ_ONLY_LINK_CHANGED,
        "the owner replaced this read-only link; ask for the new one");
    if (evicted == 0) return; // told again (by the store's notice after this instance's own rotation)
    membersLeft();
  }

  /** True while ops wait for the store or are being stored: a flush will follow. */
  private boolean commitComing() {
    return !sequencer.isIdle();
  }

  /** True when nobody is connected and nothing waits to be stored: the pad may be unloaded. */
  boolean isUnused() {
    return members.isEmpty() && requests.isIdle() && sequencer.isIdle() && chat.isIdle();
  }

  /** Stops taking requests, stores what is queued (bounded by {@code timeoutMillis}), saves a snapshot. */
  Future<Void> close(long timeoutMillis) {
    checkContext();
    closed = true;
    fanout.close();
    presence.close();
    Future<Void> remembered = authorMemory.flushAll().recover(e -> {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- author profiles not stored: {1}", padId, e.toString());
      return Future.succeededFuture();
    });
    Future<Void> drained = sequencer.drain(timeoutMillis).recover(e -> {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- closing with unstored ops: {1}", padId, e.getMessage());
      return Future.succeededFuture();
    });
    return drained.compose(v -> settings.snapshots().onClose() ? sequencer.saveSnapshot() : Future.<Void>succeededFuture())
        .recover(e -> Future.succeededFuture())
        .compose(v -> watch == null ? Future.succeededFuture() : watch.close())
        .compose(v -> remembered);
  }

  /**
   * The pad is deleted: every member is told ({@link Rejection#PAD_DELETED}, its connection closes)
   * and nothing of the pad is stored any more: no op, snapshot, profile or chat message, not even
   * the snapshot a close saves. Completes once every write sent before is answered, so that the
   * deletion which follows is the store's last word on the pad.
   */
  Future<Void> erase() {
    checkContext();
    closed = true;
    erased = true;
    fanout.close();
    presence.close();
    evict(seat -> true, Rejection.PAD_DELETED, "this pad was deleted");
    Future<Void> quiet = Future.join(sequencer.halt(), authorMemory.forget(), chat.quiet()).mapEmpty();
    return quiet.recover(e -> Future.succeededFuture())
        .compose(v -> watch == null ? Future.<Void>succeededFuture() : watch.close().recover(e -> Future.succeededFuture()));
  }

  private void dropped(List<UnstoredOps.Pending> dropped) {
    Set<String> clientIds = new HashSet<>();
    for (UnstoredOps.Pending p : dropped) clientIds.add(p.clientId());
    evict(seat -> clientIds.contains(seat.clientId()), Rejection.SERVER_ERROR,
        "a conflict with another server dropped your unsaved ops; reconnect to resend them");
    membersLeft();
  }

  /** Closes the connections of the members {@code rule} picks, telling each why; returns how many. */
  private int evict(Predicate<Seat> rule, Rejection reason, String message) {
    int evicted = 0;
    for (Seat seat : new ArrayList<>(members.values())) {
      if (!rule.test(seat)) continue;
      members.remove(seat.member);
      seat.tell(m -> m.evicted(reason, message));
      evicted++;
    }
    return evicted;
  }

  /** Members left: the others see who is still here, and a pad left empty may unload. */
  private void membersLeft() {
    presence.sendNow();
    if (members.isEmpty()) onEmpty.run();
  }

  private void checkContext() {
    // Why: the pad has no locks; a call from another thread would race with its own callbacks.
    // (Request handlers run on duplicates of the verticle context, so compare the event-loop thread.)
    if (Thread.currentThread() != thread) throw new IllegalStateException("pad " + padId + " used off its context");
  }

  /** A colour for a member who chose none, given who is here and who wrote here before ({@link Palette}). */
  private String freeColor(Seat arriving) {
    List<String> present = new ArrayList<>();
    Set<String> presentAuthors = new HashSet<>();
    for (Seat s : members.values()) {
      if (s.viewer) continue;
      present.add(s.info().color());
      presentAuthors.add(s.info().authorId());
    }
    String authorId = arriving.info().authorId();
    return Palette.choose(authorColors.get(authorId), arriving.preferredColor, present,
        Palette.absentColors(authorColors, authorId, presentAuthors));
  }

  private void seen(MemberInfo info) {
    if (!info.authorId().isEmpty()) authorColors.put(info.authorId(), info.color()); // "" is nobody (a template)
    authorMemory.seen(info);
  }

  /**
   * Calls {@code remember} with the profile of the members who joined or changed it, to store it with
   * the pad's notes: at most once per author per ARDOISE_PROFILE_STORE_SECONDS, always the latest one
   * ({@link AuthorMemory}). The pad's close waits for the futures it returns.
   */
  public void onMemberSeen(Function<MemberInfo, Future<Void>> remember) {
    checkContext();
    authorMemory.writeWith(remember);
  }

  /** Calls {@code edited} with each author who commits a revision, once per author while the pad is loaded ({@link AuthorMemory#edited}). */
  public void onAuthorEdited(Function<String, Future<Void>> edited) {
    checkContext();
    authorMemory.editsWith(edited);
  }

  /** The writing members connected now, in arrival order (read-only viewers are not listed). */
  public List<MemberInfo> members() {
    checkContext();
    List<MemberInfo> list = new ArrayList<>(members.size());
    for (Seat seat : members.values()) if (!seat.viewer) list.add(seat.info());
    return list;
  }
}
