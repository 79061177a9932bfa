package ardoise.bench.load;

import ardoise.ot.TextOperation;
import ardoise.testing.OtClient;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One simulated editor tab: the {@link OtClient} state machine (at most one op in flight, later
 * keystrokes composed into a buffer, remote ops transformed against both) in a {@link Replica}:
 * with a document of its own ({@link FullReplica}) for the pad's real client and the clients that
 * measure latency, over lengths and the pad's {@link SharedText} ({@link LeanReplica}) for the
 * others, which send the same ops at the same times. Around it, what a load generator adds:
 * keystrokes on a schedule, the time of each keystroke until an observer
 * sees it, and the cursor an editor sends after an ack with nothing buffered (unless the server's
 * editors place carets from ops and the caret is where its op left it). A typist types one
 * character (sometimes a backspace) per keystroke at the scheduled rate; a viewer only reads.
 * Subclasses speak one server's wire protocol and decode frames their own way, not with the tests'
 * JSON client: a frame stays bytes until the parse cache misses (see {@link Json}), since one flush
 * reaches hundreds of clients of the generator as the same bytes.
 *
 * <p>Thread rule: all of a client's state is touched only on its WebSocket's event loop; the
 * keystroke times it publishes for observers live in a concurrent map, the revision in a volatile.
 */
abstract class Client {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz éàè";
  private static final double BACKSPACE = Double.parseDouble(System.getProperty("bench.backspace", "0.1"));
  /** How often a keystroke is preceded by a click elsewhere in the text (the caret moves). */
  private static final double CLICK = Double.parseDouble(System.getProperty("bench.click", "0.025"));

  final Vertx vertx;
  final Measure measure;
  final PadGroup pad;
  final boolean typist;
  final String id;
  final ClientWebSocket ws;
  private final Random random;
  /** Op ordinal (seq) → scheduled times of the keystrokes it carries, for the observer to read. */
  final ConcurrentHashMap<Long, long[]> sentKeystrokes = new ConcurrentHashMap<>();
  private final Map<String, Long> seenFrom = new HashMap<>();

  /** Completes once the client joined (and has the document). */
  final CompletableFuture<Void> joinedFuture = new CompletableFuture<>();
  final Replica replica;
  /** True for a client with a document of its own (see {@link Replica}). */
  final boolean full;
  /** True once some typist's keystrokes are measured here (see {@link PadGroup#observerOf}). */
  private volatile boolean observes;
  /** {@code replica.rev()}, readable from other threads (the fleet waits for every client to settle). */
  volatile long rev;
  volatile boolean joined;
  private Context context;
  volatile boolean closedByUs;
  /** Scheduled times of the keystrokes not sent yet (they go with the next op). */
  private long[] unsentTimes = new long[8];
  private int unsentCount;
  private int cursor;
  /** Where the others place our caret from our last op (caretAfter), or -1 once a cursor message told them. */
  private int impliedCaret = -1;
  private volatile boolean typing;
  private long nextKeystroke;
  private long periodNanos;
  /** The client that measures this typist's keystrokes (set before its first keystroke). */
  private volatile Client observer;

  Client(Vertx vertx, ClientWebSocket ws, Measure measure, PadGroup pad, boolean typist, String id, long seed, boolean full) {
    this.vertx = vertx;
    this.ws = ws;
    this.measure = measure;
    this.pad = pad;
    this.typist = typist;
    this.id = id;
    // Why mixed: java.util.Random's first draw is nearly the same for consecutive seeds (0.3741,
    // 0.3740, 0.3743… for the seeds the fleet hands out), so every typist's first keystroke, and with
    // the same period every later one, would fall in the same millisecond: all typists of a run would
    // press a key together every 200 ms. SplittableRandom scrambles the seed first.
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
    this.full = full;
    this.replica = full ? new FullReplica(id, this::sent) : new LeanReplica(id, this::sent, pad.shared);
  }

  /** The key under which the server names this client as an op's author. */
  String authorKey() {
    return id;
  }

  /** The document's text (after quiescence, for the convergence check). */
  String text() {
    return replica.text();
  }

  /** Length of the document at {@link #rev}, the server's version (before our unacknowledged edits). */
  int serverLength() {
    return replica.serverLength();
  }

  boolean isSettled() {
    return onContext(() -> !replica.hasPending());
  }

  /** Reads this client's state on its own event loop. */
  <T> T onContext(java.util.function.Supplier<T> read) {
    Promise<T> value = Promise.promise();
    context.runOnContext(v -> value.complete(read.get()));
    try {
      return value.future().await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("client " + id + " does not answer", e);
    }
  }

  /** The socket is open (handlers were set before connecting). */
  abstract void opened();

  /** One text message from the server, still as its UTF-8 bytes. */
  abstract void received(io.vertx.core.buffer.Buffer frame);

  abstract void sendOp(long rev, long seq, TextOperation op);

  abstract void sendCursor(long rev, int position);

  /** Starts typing {@code perSecond} keystrokes per second, the first after a random part of a period. */
  void startTyping(double perSecond) {
    context.runOnContext(v -> {
      periodNanos = (long) (1e9 / perSecond);
      nextKeystroke = System.nanoTime() + (long) (random.nextDouble() * periodNanos);
      typing = true;
      observer = pad.observerOf(this);
      if (observer != null) observer.observes = true;
      schedule();
    });
  }

  void stopTyping() {
    typing = false;
  }

  private void schedule() {
    if (!typing) return;
    long delayMs = Math.max(1, (nextKeystroke - System.nanoTime() + 999_999) / 1_000_000);
    vertx.setTimer(delayMs, t -> {
      long now = System.nanoTime();
      while (typing && nextKeystroke <= now) {
        keystroke(nextKeystroke);
        nextKeystroke += periodNanos;
      }
      schedule();
    });
  }

  private void keystroke(long scheduled) {
    if (!joined) return;
    measure.keystrokes.increment();
    int length = replica.length();
    cursor = Math.min(cursor, length);
    if (random.nextDouble() < CLICK) click(length);
    TextOperation op;
    // Why only with nothing in flight: then a backspace is sent alone, so no op ever holds an insert
    // next to a delete. ShareDB's text-unicode and our TextOperation break such ties differently, and
    // the ShareDB clients (which transform with TextOperation) would diverge from their server.
    if (cursor > 0 && !replica.hasPending() && random.nextDouble() < BACKSPACE) {
      op = TextOperation.builder().retain(cursor - 1).delete(1).retain(length - cursor).build();
      cursor--;
    } else {
      char c = random.nextInt(50) == 0 ? '\n' : LETTERS.charAt(random.nextInt(LETTERS.length()));
      op = TextOperation.builder().retain(cursor).insert(String.valueOf(c)).retain(length - cursor).build();
      cursor++;
    }
    impliedCaret = cursor;
    if (unsentCount == unsentTimes.length) unsentTimes = Arrays.copyOf(unsentTimes, unsentCount * 2);
    unsentTimes[unsentCount++] = scheduled;
    typed(op);
    replica.applyClient(op); // sent at once when nothing is in flight, else buffered
  }

  /** A keystroke's op, just before the state machine takes it: a client with its own copy of the text follows it there. */
  void typed(TextOperation op) {}

  /** The state machine sends op {@code seq}: it carries every keystroke not sent yet. */
  private void sent(long opRev, long seq, TextOperation op) {
    long[] times = Arrays.copyOf(unsentTimes, unsentCount);
    unsentCount = 0;
    if (observer != null) sentKeystrokes.put(seq, times);
    measure.opsSent.increment();
    sendOp(opRev, seq, op);
  }

  /** Our op {@code ackedSeq} is durable; the document is now at {@code newRev}. The buffer, if any, goes next. */
  void acked(long ackedSeq, long newRev) {
    TextOperation confirmed = replica.serverAck(ackedSeq, newRev);
    if (confirmed == null) return; // a re-ack
    pad.shared.claimed(newRev, confirmed, replica);
    measure.acks.increment();
    rev = newRev;
    if (!replica.hasPending() && typing && !(caretFollowsOps() && cursor == impliedCaret)) sendCurrentCursor();
  }

  /** The caret moves elsewhere (a click); the editor tells the others at once unless an op is in flight. */
  private void click(int length) {
    cursor = random.nextInt(length + 1);
    if (!replica.hasPending()) sendCurrentCursor();
  }

  private void sendCurrentCursor() {
    measure.cursorsSent.increment();
    impliedCaret = -1;
    sendCursor(rev, cursor);
  }

  /**
   * True when the server's editors place a member's caret from its ops (Ardoise's, docs/protocol.md),
   * so a caret where the last op left it needs no cursor message; false sends one after every ack.
   */
  abstract boolean caretFollowsOps();

  /** Another client's op, committed as {@code newRev}; {@code ordinal} is its author's op number (0: unknown). */
  void remoteOp(TextOperation op, long newRev, String author, long ordinal) {
    remoteOp(op, TypingEdit.of(op), newRev, author, ordinal, true);
  }

  /**
   * {@code edit}: {@code TypingEdit.of(op)}, decoded once with the frame. {@code record}: false when
   * another client of this thread already gave the pad's shared text this very op object (same
   * decoded frame), whose comparison with itself could not fail.
   */
  void remoteOp(TextOperation op, TypingEdit edit, long newRev, String author, long ordinal, boolean record) {
    measure.opsReceived.increment();
    replica.applyServer(newRev, op, edit, author);
    if (record) pad.shared.received(newRev, op, replica);
    cursor = replica.transformIndex(cursor);
    if (impliedCaret >= 0) impliedCaret = replica.transformIndex(impliedCaret);
    rev = newRev;
    observe(author, ordinal);
  }

  private void observe(String author, long ordinal) {
    if (!observes) return; // most clients measure nobody: skip the lookup
    Client from = pad.typists.get(author);
    if (from == null || from.observer != this) return; // not ours to measure: skip the bookkeeping
    long n = ordinal > 0 ? ordinal : seenFrom.merge(author, 1L, Long::sum);
    long[] times = from.sentKeystrokes.remove(n);
    if (times == null) return; // not ours to measure
    long now = System.nanoTime();
    for (long t : times) measure.arrived(t, now, pad.longText);
  }

  /** The join finished with the document {@code text} at {@code atRev}. */
  void joinedAt(long atRev, String text) {
    replica.joined(atRev, text);
    pad.shared.joined(atRev, text);
    rev = atRev;
    cursor = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    context = Vertx.currentContext();
    joined = true;
    joinedFuture.complete(null);
  }

  void error(String what) {
    if (measure.errors.sum() < 10) System.err.println("client " + id + " on " + pad.padId + ": " + what);
    measure.errors.increment();
  }

  void close() {
    closedByUs = true;
    typing = false;
    if (!ws.isClosed()) ws.close();
  }

  /** The client lost its socket without asking. */
  void lost() {
    if (!closedByUs) {
      measure.disconnects.increment();
      joinedFuture.completeExceptionally(new IllegalStateException("client " + id + " was disconnected"));
    }
  }
}
