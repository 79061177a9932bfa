package ardoise.store;

/**
 * How long a pad lives, as the store has it now (docs/storage.md, "Lifetimes").
 *
 * @param written whether the pad has a revision
 * @param lifetimeMs the pad's lifetime without an edit, capped by the server's maximum (0: forever);
 *     for a pad not yet written, the one its first edit will give it
 * @param deletesAt when the store deletes the pad if nobody edits it (epoch ms; 0: never): the
 *     expiry of its keys for a written pad, now + lifetime for one not yet written
 */
public record PadLifetime(boolean written, long lifetimeMs, long deletesAt) {
  /** A store without lifetimes: kept forever. */
  public static final PadLifetime FOREVER = new PadLifetime(false, 0, 0);
}
