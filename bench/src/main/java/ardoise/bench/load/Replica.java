package ardoise.bench.load;

import ardoise.ot.TextOperation;

/**
 * What one simulated client knows of its pad and does with the protocol's ops: the editor's state
 * machine (at most one op in flight, later edits composed into a buffer, remote ops transformed
 * against both). {@link FullReplica} keeps a document of its own, as an editor does; {@link
 * LeanReplica} keeps only lengths and ops and reads the pad's text from the {@link SharedText} all
 * clients of the pad feed. Both send exactly the same ops; only the generator's CPU differs.
 *
 * <p>Thread rule: used on its client's event loop only.
 */
interface Replica {
  /** The join: the server's text {@code text} at revision {@code rev}. */
  void joined(long rev, String text);

  /** Length of the editor's text: the server's at {@link #rev} with our unacknowledged edits. */
  int length();

  /** Length of the server's text at {@link #rev}. */
  int serverLength();

  long rev();

  boolean hasPending();

  /** A keystroke on the editor's text: sent at once when nothing is in flight, else buffered. */
  void applyClient(TextOperation op);

  /**
   * Another client's op, revision {@code newRev}. {@code edit} is {@code TypingEdit.of(op)}, decoded
   * once for every client that receives the op and never changed (null: the op is no typing edit).
   */
  void applyServer(long newRev, TextOperation op, TypingEdit edit, String author);

  /** Where {@code index} of the editor's text went with the last op received, as the editor applied it (past our pending edits). */
  int transformIndex(int index);

  /** Our op {@code seq} committed as {@code newRev}: returns that op as committed, or null for a repeated ack. */
  TextOperation serverAck(long seq, long newRev);

  /** The editor's text (the convergence check reads it once every client settled). */
  String text();

  /**
   * The pad's other members were sent a different op than this client for {@code rev} (or committed
   * its op differently); what a lean client reports instead of a text it does not keep.
   */
  void diverged(String why);
}
