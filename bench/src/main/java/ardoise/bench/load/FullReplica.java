package ardoise.bench.load;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.testing.OtClient;

/** A replica with its own document, the tests' {@link OtClient}: what a real editor holds. */
final class FullReplica implements Replica {
  private final OtClient ot;
  /** The last op received, as the editor applied it. */
  private TextOperation received;

  FullReplica(String id, OtClient.Transport transport) {
    this.ot = new OtClient(id, id, transport);
  }

  @Override public void joined(long rev, String text) {
    ot.joined(rev, AttributedText.of(text, "-"), 0);
  }

  @Override public int length() { return ot.document().length(); }

  @Override public int serverLength() { return ot.serverLength(); }

  @Override public long rev() { return ot.rev(); }

  @Override public boolean hasPending() { return ot.hasPending(); }

  @Override public void applyClient(TextOperation op) { ot.applyClient(op); }

  @Override public void applyServer(long newRev, TextOperation op, TypingEdit edit, String author) {
    received = ot.applyServer(newRev, op, author);
  }

  @Override public int transformIndex(int index) { return received.transformIndex(index); }

  @Override public TextOperation serverAck(long seq, long newRev) { return ot.serverAck(seq, newRev); }

  @Override public String text() { return ot.document().text(); }

  /** Nothing to do: this client's own document shows any divergence at the convergence check. */
  @Override public void diverged(String why) { }
}
