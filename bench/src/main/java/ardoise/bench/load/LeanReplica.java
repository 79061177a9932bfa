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
  private TextOperation outstanding;
  private long seq;
  private TextOperation buffer;
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
      outstanding = op;
      seq = nextSeq++;
      transport.sendOp(rev, seq, op);
    } else {
      buffer = buffer == null ? op : buffer.compose(op);
    }
  }

  /** The server's op comes first on the server: transform(ours, received) keeps our ops' rank. */
  @Override public TextOperation applyServer(long newRev, TextOperation op, String author) {
    requireNext(newRev, "op");
    if (op.baseLength() != serverLength) {
      throw new IllegalStateException(id + ": revision " + newRev + " is an op for " + op.baseLength() + " characters on " + serverLength);
    }
    TextOperation forEditor = op;
    if (outstanding != null) {
      TextOperation.Transformed first = TypingTransform.transform(outstanding, op);
      outstanding = first.aPrime();
      forEditor = first.bPrime();
      if (buffer != null) {
        TextOperation.Transformed second = TypingTransform.transform(buffer, forEditor);
        buffer = second.aPrime();
        forEditor = second.bPrime();
      }
    }
    serverLength = op.targetLength();
    rev = newRev;
    return forEditor;
  }

  @Override public TextOperation serverAck(long ackedSeq, long newRev) {
    long waiting = outstanding == null ? 0 : seq;
    if (waiting == 0 || ackedSeq < waiting) {
      if (ackedSeq < nextSeq) return null;
      throw new IllegalStateException(id + " got an ack for seq " + ackedSeq + ", which was never sent");
    }
    if (ackedSeq != waiting) throw new IllegalStateException(id + " got an ack for seq " + ackedSeq + " while waiting for " + waiting);
    requireNext(newRev, "ack");
    TextOperation confirmed = outstanding;
    rev = newRev;
    serverLength = confirmed.targetLength();
    TextOperation next = buffer;
    outstanding = null;
    buffer = null;
    if (next != null && !next.isNoop()) {
      outstanding = next;
      seq = nextSeq++;
      transport.sendOp(rev, seq, next);
    }
    return confirmed;
  }

  /** The pad's text at our revision, then our pending edits; or why this client's text is not the pad's. */
  @Override public String text() {
    if (divergence != null) return "(diverged: " + divergence + ")";
    String text = shared.textAt(rev);
    if (outstanding != null) text = outstanding.apply(text);
    if (buffer != null) text = buffer.apply(text);
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
}
