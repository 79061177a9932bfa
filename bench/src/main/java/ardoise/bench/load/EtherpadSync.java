package ardoise.bench.load;

/**
 * The client side of Etherpad's sync over a plain text, as its browser client keeps it
 * (collab_client.js with changesettracker.js): at most one changeset submitted and waiting for
 * {@code ACCEPT_COMMIT}, later edits composed into one pending changeset, and a changeset from the
 * server moved past both with {@link EtherpadChangeset#follow} with the same tie-breaks as the
 * browser (the submitted one as the server will move it; the pending one after remote inserts at
 * the same place never matters to the server, which receives it already moved).
 *
 * <p>Invariant: {@link #text()} is the server's text at the client's revision with the submitted,
 * then the pending changeset applied. Not thread-safe: one client's event loop.
 */
final class EtherpadSync {
  private final StringBuilder text;
  private EtherpadChangeset submitted;
  private EtherpadChangeset pending;

  EtherpadSync(String initialText) {
    this.text = new StringBuilder(initialText);
  }

  String text() {
    return text.toString();
  }

  CharSequence textView() {
    return text;
  }

  boolean hasPending() {
    return submitted != null;
  }

  /** The changeset waiting for its ACCEPT_COMMIT, or null. */
  EtherpadChangeset submitted() {
    return submitted;
  }

  /** A local edit, made on {@link #text()}: returns true when it is to be sent now (nothing was in flight). */
  boolean local(EtherpadChangeset cs) {
    cs.applyTo(text);
    if (submitted == null) {
      submitted = cs;
      return true;
    }
    pending = pending == null ? cs : EtherpadChangeset.compose(pending, cs);
    return false;
  }

  /** The server committed the submitted changeset: returns the next one to send (the pending edits), or null. */
  EtherpadChangeset accepted() {
    if (submitted == null) throw new IllegalStateException("ACCEPT_COMMIT with nothing submitted");
    submitted = pending;
    pending = null;
    return submitted;
  }

  /** Another author's changeset, on the client's revision; returns it as applied to {@link #text()}. */
  EtherpadChangeset remote(EtherpadChangeset c) {
    EtherpadChangeset moved = c;
    if (submitted != null) {
      EtherpadChangeset old = submitted;
      submitted = EtherpadChangeset.follow(c, old, false); // what the server makes of it
      moved = EtherpadChangeset.follow(old, c, true);
    }
    if (pending != null) {
      EtherpadChangeset old = pending;
      pending = EtherpadChangeset.follow(moved, old, true); // the browser inserts its own edits first
      moved = EtherpadChangeset.follow(old, moved, false);
    }
    moved.applyTo(text);
    return moved;
  }
}
