package ardoise.testing;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;

/**
 * One editor's side of Ardoise's protocol, in the ot.js client model (the browser's is
 * {@code webroot/js/client/client.js} with {@code states.js}): {@link Synchronized}, {@link
 * AwaitingConfirm} (one op sent, numbered {@code seq}) or {@link AwaitingWithBuffer} (plus later
 * local edits composed into a buffer, not sent yet). Every op ever sent takes the next seq of one
 * counter and keeps it when resent after a reconnect, so the server applies it at most once.
 *
 * <p>Invariant: {@link #document()} is the server's document at {@link #rev()} with the outstanding
 * op, then the buffer, applied. A message that breaks the protocol (a revision out of order, an
 * ack of a seq never sent) throws {@link IllegalStateException} and changes nothing.
 *
 * <p>Thread rule: none; callers use it from one thread or context at a time.
 */
public final class OtClient {

  /** Where the ops go: the simulation's in-memory wire, a WebSocket, a load generator's socket. */
  public interface Transport {
    /** Sends op {@code seq}, made on revision {@code rev}. */
    void sendOp(long rev, long seq, TextOperation op);
  }

  private final String clientId;
  private final String authorId;
  private final Transport transport;
  private AttributedText document;
  private long rev = -1; // -1 until the first joined: no document yet
  private long nextSeq = 1;
  private State state = new Synchronized();
  private boolean online;

  /** {@code authorId}: who this client's inserts are attributed to, as the server attributes them. */
  public OtClient(String clientId, String authorId, Transport transport) {
    this.clientId = clientId;
    this.authorId = authorId;
    this.transport = transport;
  }

  public String clientId() { return clientId; }

  public String authorId() { return authorId; }

  /** The text the editor shows (with our unacknowledged edits); null before the first join. */
  public AttributedText document() { return document; }

  /** The last revision received from the server; -1 before the first join. */
  public long rev() { return rev; }

  public State state() { return state; }

  /** The seq of the last op sent (0: none yet). */
  public long lastSeq() { return nextSeq - 1; }

  public boolean hasDocument() { return rev >= 0; }

  /** True while some local edit is not acknowledged. */
  public boolean hasPending() { return !(state instanceof Synchronized); }

  /** Length of the server's document at {@link #rev()}: ours without the unacknowledged edits. */
  public int serverLength() {
    return state.outstanding() != null ? state.outstanding().baseLength() : document.length();
  }

  /**
   * A local edit on {@link #document()}: applied to it at once, then sent, or composed into the
   * buffer while an op waits for its ack.
   */
  public void applyClient(TextOperation op) {
    if (!hasDocument()) throw new IllegalStateException(clientId + " cannot edit before the first joined");
    if (op.isNoop()) return;
    document = document.apply(op, authorId); // throws, changing nothing, when op does not fit
    state = state.applyClient(this, op);
  }

  /**
   * Another client's op, turning {@code newRev - 1} into {@code newRev}, its inserts by {@code author}.
   * Returns the op as applied to {@link #document()} (moved past our pending edits).
   */
  public TextOperation applyServer(long newRev, TextOperation op, String author) {
    requireNext(newRev, "op");
    Moved moved = state.applyServer(op);
    document = document.apply(moved.forEditor(), author);
    state = moved.state();
    rev = newRev;
    return moved.forEditor();
  }

  /**
   * The server committed our op {@code seq} as {@code newRev}. Returns that op, or null for a repeated
   * ack of an op already acknowledged (a resent op the server had committed is acknowledged twice).
   */
  public TextOperation serverAck(long seq, long newRev) {
    long waiting = state.seq();
    if (waiting == 0 || seq < waiting) {
      if (seq < nextSeq) return null;
      throw new IllegalStateException(clientId + " got an ack for seq " + seq + ", which was never sent");
    }
    if (seq != waiting) throw new IllegalStateException(clientId + " got an ack for seq " + seq + " while waiting for " + waiting);
    requireNext(newRev, "ack");
    TextOperation confirmed = state.outstanding();
    rev = newRev;
    state = state.serverAck(this);
    return confirmed;
  }

  /**
   * One committed revision as a pad's flush carries it: ours ({@code fromClientId} is this client)
   * is our ack, another's is applied. Returns the op applied to the document, or null for an ack.
   */
  public TextOperation applyCommitted(long newRev, String fromClientId, long seq, TextOperation op, String author) {
    if (!clientId.equals(fromClientId)) return applyServer(newRev, op, author);
    if (serverAck(seq, newRev) == null) {
      throw new IllegalStateException(clientId + " got its seq " + seq + " again as revision " + newRev);
    }
    return null;
  }

  /**
   * The server's {@code joined}. Without {@code snapshot} it replays what we missed after our rev
   * (our own committed op as an ack); the outstanding op is resent unless the server already has
   * its seq ({@code lastSeq}). With a snapshot (a first join) the document is replaced; pending
   * edits cannot be moved onto a snapshot here (the browser rebases them on a diff).
   */
  public void joined(long joinedRev, AttributedText snapshot, long lastSeq) {
    if (lastSeq >= nextSeq) {
      if (hasPending()) throw new IllegalStateException(clientId + ": the server has seq " + lastSeq
          + " but this client sent only up to " + lastSeq());
      nextSeq = lastSeq + 1; // a client that lost its state (a fresh tab on the same clientId)
    }
    if (snapshot != null) {
      if (hasPending()) throw new IllegalStateException(clientId + " joined with a snapshot while edits are pending");
      document = snapshot;
      rev = joinedRev;
    } else if (!hasDocument() || joinedRev != rev) {
      throw new IllegalStateException(clientId + " at rev " + rev + " joined at " + joinedRev + " without text");
    }
    online = true;
    if (state.seq() > lastSeq) send(state.seq(), state.outstanding());
  }

  /** The socket is gone: edits go on, and nothing is sent until the next {@link #joined}. */
  public void disconnected() {
    online = false;
  }

  public boolean isOnline() { return online; }

  private void requireNext(long newRev, String what) {
    if (!hasDocument()) throw new IllegalStateException(clientId + " got an " + what + " before the first joined");
    if (newRev != rev + 1) {
      throw new IllegalStateException(clientId + " at rev " + rev + " got an " + what + " for rev " + newRev);
    }
  }

  // Used by the states.

  private long takeSeq() {
    return nextSeq++;
  }

  private void send(long seq, TextOperation op) {
    if (online) transport.sendOp(rev, seq, op);
  }

  /** A state after a server op, and that op as the document takes it. */
  public record Moved(State state, TextOperation forEditor) {}

  /** The three states; each transition returns the next state (and sends what it must). */
  public sealed interface State permits Synchronized, AwaitingConfirm, AwaitingWithBuffer {
    /** The op sent and not acknowledged, or null. */
    default TextOperation outstanding() { return null; }

    /** The seq of the outstanding op, or 0. */
    default long seq() { return 0; }

    /** Local edits made since the outstanding op was sent, or null. */
    default TextOperation buffer() { return null; }

    State applyClient(OtClient client, TextOperation op);

    Moved applyServer(TextOperation op);

    State serverAck(OtClient client);
  }

  /** Nothing pending: the document is the server's at rev. */
  public record Synchronized() implements State {
    @Override public State applyClient(OtClient client, TextOperation op) {
      long seq = client.takeSeq();
      client.send(seq, op);
      return new AwaitingConfirm(op, seq);
    }

    @Override public Moved applyServer(TextOperation op) {
      return new Moved(this, op);
    }

    @Override public State serverAck(OtClient client) {
      throw new IllegalStateException("an ack while no op waits for one");
    }
  }

  /** One op sent, waiting for its ack. */
  public record AwaitingConfirm(TextOperation outstanding, long seq) implements State {
    @Override public State applyClient(OtClient client, TextOperation op) {
      return new AwaitingWithBuffer(outstanding, seq, op);
    }

    /** The server op comes first on the server: transform(outstanding, received) keeps our op's rank. */
    @Override public Moved applyServer(TextOperation op) {
      TextOperation.Transformed t = TextOperation.transform(outstanding, op);
      return new Moved(new AwaitingConfirm(t.aPrime(), seq), t.bPrime());
    }

    @Override public State serverAck(OtClient client) {
      return new Synchronized();
    }
  }

  /** One op sent, and local edits since then composed into {@code buffer}, waiting to be sent. */
  public record AwaitingWithBuffer(TextOperation outstanding, long seq, TextOperation buffer) implements State {
    @Override public State applyClient(OtClient client, TextOperation op) {
      return new AwaitingWithBuffer(outstanding, seq, buffer.compose(op));
    }

    @Override public Moved applyServer(TextOperation op) {
      TextOperation.Transformed first = TextOperation.transform(outstanding, op);
      TextOperation.Transformed second = TextOperation.transform(buffer, first.bPrime());
      return new Moved(new AwaitingWithBuffer(first.aPrime(), seq, second.aPrime()), second.bPrime());
    }

    /** The outstanding op is committed: the buffer becomes the next outstanding op (unless it undid itself). */
    @Override public State serverAck(OtClient client) {
      if (buffer.isNoop()) return new Synchronized();
      long next = client.takeSeq();
      client.send(next, buffer);
      return new AwaitingConfirm(buffer, next);
    }
  }
}
