package ardoise.protocol;

import ardoise.ot.TextOperation;

/** A decoded, validated client → server message (docs/protocol.md). */
public sealed interface ClientMessage {

  /**
   * First message: who this tab is; {@code rev} (nullable) is the revision it already has;
   * {@code batch}: it reads {@code batch} frames (one per flush of the pad, see docs/protocol.md);
   * {@code presenceChanges}: after the first member list, it reads what changed in it.
   * {@code color}: the colour the person picked (nullable); without it the pad gives a free one,
   * {@code preferredColor} (nullable) if nobody uses it. {@code password} (nullable): the pad's edit
   * password, when the person knows it.
   */
  record Join(String clientId, String name, String color, String authorId, Long rev, boolean batch,
      String preferredColor, String password, boolean presenceChanges) implements ClientMessage {
    public Join(String clientId, String name, String color, String authorId, Long rev, boolean batch,
        String preferredColor, String password) {
      this(clientId, name, color, authorId, rev, batch, preferredColor, password, false);
    }

    public Join(String clientId, String name, String color, String authorId, Long rev, boolean batch,
        String preferredColor) {
      this(clientId, name, color, authorId, rev, batch, preferredColor, null);
    }

    /** Never prints the password. */
    @Override public String toString() {
      return "Join[clientId=" + clientId + ", rev=" + rev + ", password=" + (password == null ? "none" : "given") + "]";
    }

    public Join(String clientId, String name, String color, String authorId, Long rev, boolean batch) {
      this(clientId, name, color, authorId, rev, batch, null);
    }

    public Join(String clientId, String name, String color, String authorId, Long rev) {
      this(clientId, name, color, authorId, rev, false);
    }
  }

  /** An op made on revision {@code rev}, the {@code seq}-th op of this clientId. */
  record Op(long rev, long seq, TextOperation op) implements ClientMessage {}

  /** This client's selection in the document at {@code rev}. */
  record Cursor(long rev, int anchor, int head) implements ClientMessage {}

  /** Liveness probe: answered with {@code pong} at once, joined or not (the editor detects dead sockets). */
  record Ping() implements ClientMessage {}

  /** New display name and colour. */
  record Profile(String name, String color) implements ClientMessage {}

  /** The pad's edit password, given after joining (never logged). */
  record Unlock(String password) implements ClientMessage {
    @Override public String toString() {
      return "Unlock[password=given]";
    }
  }

  /** A chat message beside the pad (never part of its text). */
  record Chat(String text) implements ClientMessage {}
}
