package ardoise.bench.load;

import ardoise.ot.TextOperation;
import ardoise.testing.OtClient;

/**
 * A replica without a document: the same states and transitions as {@link OtClient} (Synchronized,
 * AwaitingConfirm, AwaitingWithBuffer), over lengths and ops only. Why: a typist needs only the
 * length of its text and where its caret is to type, and every op a pad commits is the same for all
 * its members, so hundreds of simulated typists applying each op to hundreds of copies of the text
 * cost the generator more CPU than the server. The text is the pad's {@link SharedText} at our
 * revision, with our pending edits applied when there are any.
 *
 * <p>A message that breaks the protocol (a revision out of order, an ack of a seq never sent, an op
 * that does not fit the text's length) throws {@link IllegalStateException}, as OtClient does.
 */
final class LeanReplica implements Replica {
  private final String id;
  private final OtClient.Transport transport;
  private final SharedText shared;
  private long rev = -1;
  private int serverLength;
  private long nextSeq = 1;
  /** The op sent and not acknowledged (null: synchronized), its seq, and the edits made since. */
  private Pending outstanding;
  private long seq;
  private Pending buffer;
  /** The last op received, as the editor applied it (past our pending edits). */
  private final Pending received = new Pending();
  private volatile String divergence;

  LeanReplica(String id, OtClient.Transport transport, SharedText shared) {
    this.id = id;
    this.transport = transport;
    this.shared = shared;
  }

  @Override public void joined(long joinedRev, String text) {
    if (hasPending()) throw new IllegalStateException(id + " joined while edits are pending");
    rev = joinedRev;
    serverLength = text.length();
  }

  @Override public int length() {
    return buffer != null ? buffer.targetLength() : outstanding != null ? outstanding.targetLength() : serverLength;
  }

  @Override public int serverLength() { return serverLength; }

  @Override public long rev() { return rev; }

  @Override public boolean hasPending() { return outstanding != null; }

  @Override public void applyClient(TextOperation op) {
    if (rev < 0) throw new IllegalStateException(id + " cannot edit before the first joined");
    if (op.isNoop()) return;
    if (op.baseLength() != length()) throw new IllegalStateException(id + ": an op for " + op.baseLength() + " characters on " + length());
    if (outstanding == null) {
      outstanding = new Pending(op);
      seq = nextSeq++;
      transport.sendOp(rev, seq, op);
    } else {
      buffer = new Pending(buffer == null ? op : buffer.op().compose(op));
    }
  }

  /** The server's op comes first on the server: transform(ours, received) keeps our ops' rank. */
  @Override public void applyServer(long newRev, TextOperation op, TypingEdit edit, String author) {
    requireNext(newRev, "op");
    if (op.baseLength() != serverLength) {
      throw new IllegalStateException(id + ": revision " + newRev + " is an op for " + op.baseLength() + " characters on " + serverLength);
    }
    received.set(op, edit);
    if (outstanding != null) {
      Pending.transform(outstanding, received);
      if (buffer != null) Pending.transform(buffer, received);
    }
    serverLength = op.targetLength();
    rev = newRev;
  }

  @Override public int transformIndex(int index) {
    return received.transformIndex(index);
  }

  @Override public TextOperation serverAck(long ackedSeq, long newRev) {
    long waiting = outstanding == null ? 0 : seq;
    if (waiting == 0 || ackedSeq < waiting) {
      if (ackedSeq < nextSeq) return null;
      throw new IllegalStateException(id + " got an ack for seq " + ackedSeq + ", which was never sent");
    }
    if (ackedSeq != waiting) throw new IllegalStateException(id + " got an ack for seq " + ackedSeq + " while waiting for " + waiting);
    requireNext(newRev, "ack");
    TextOperation confirmed = outstanding.op();
    rev = newRev;
    serverLength = confirmed.targetLength();
    Pending next = buffer;
    outstanding = null;
    buffer = null;
    if (next != null && !next.op().isNoop()) {
      outstanding = next;
      seq = nextSeq++;
      transport.sendOp(rev, seq, next.op());
    }
    return confirmed;
  }

  /** The pad's text at our revision, then our pending edits; or why this client's text is not the pad's. */
  @Override public String text() {
    if (divergence != null) return "(diverged: " + divergence + ")";
    String text = shared.textAt(rev);
    if (outstanding != null) text = outstanding.op().apply(text);
    if (buffer != null) text = buffer.op().apply(text);
    return text;
  }

  /**
   * Why a description and not a text: this client kept no text of its own, and an op different from
   * the one the pad's other members got means its editor's text would not be theirs (an op that
   * differs counts even where the texts happen to agree, e.g. the same letter one place further).
   */
  @Override public void diverged(String why) {
    if (divergence == null) divergence = why;
  }

  private void requireNext(long newRev, String what) {
    if (rev < 0) throw new IllegalStateException(id + " got an " + what + " before the first joined");
    if (newRev != rev + 1) throw new IllegalStateException(id + " at rev " + rev + " got an " + what + " for rev " + newRev);
  }

  /**
   * An op kept as a {@link TypingEdit} while it is one, moved past others with integers and built
   * only when asked for; otherwise kept as an op and moved with the general transform.
   */
  private static final class Pending {
    /** The op; null while {@link #edit} has moved since it was built. */
    private TextOperation op;
    /** The op's edit, or null when it is not a typing edit. */
    private TypingEdit edit;
    /** This holder's own edit, reused so that moving a received op allocates nothing. */
    private TypingEdit own;

    Pending() {}

    Pending(TextOperation op) {
      this.op = op;
      this.edit = own = TypingEdit.of(op);
    }

    /** Holds a received {@code op}, whose {@code edit} (null: none) other clients share: it is copied, never changed. */
    void set(TextOperation op, TypingEdit edit) {
      this.op = op;
      if (edit == null) {
        this.edit = null;
        return;
      }
      if (own == null) own = new TypingEdit();
      own.set(edit);
      this.edit = own;
    }

    TextOperation op() {
      if (op == null) op = edit.toOperation();
      return op;
    }

    int targetLength() {
      return edit != null ? edit.targetLength() : op.targetLength();
    }

    int transformIndex(int index) {
      return edit != null ? edit.transformIndex(index) : op.transformIndex(index);
    }

    /** {@code a} and {@code b} become {@code a'} and {@code b'} of {@link TextOperation#transform}. */
    static void transform(Pending a, Pending b) {
      if (a.edit != null && b.edit != null && TypingEdit.transform(a.edit, b.edit)) {
        a.op = null;
        b.op = null;
        return;
      }
      TextOperation.Transformed t = TextOperation.transform(a.op(), b.op());
      a.setOwn(t.aPrime());
      b.setOwn(t.bPrime());
    }

    private void setOwn(TextOperation op) {
      this.op = op;
      this.edit = own = TypingEdit.of(op);
    }
  }
}
