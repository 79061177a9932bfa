package ardoise.store;

/**
 * What a pad's owner decided for it (docs/storage.md, the {@code policy} key): whether it is
 * locked (nobody writes), the slow hash of its edit password (null: none), whether that password
 * also guards reading, and the lifetime chosen for a pad not yet written ({@link #NO_LIFETIME}: none
 * chosen; the first commit then gives the server's default). A pad nobody decided anything for has
 * {@link #OPEN}. Never holds a password itself, only its hash.
 */
public record PadPolicy(boolean locked, String passwordHash, boolean protectReadOnly, long lifetimeMs) {
  /** No lifetime chosen: the pad gets the server's default with its first edit. */
  public static final long NO_LIFETIME = -1;
  public static final PadPolicy OPEN = new PadPolicy(false, null, false, NO_LIFETIME);

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public PadPolicy withLocked(boolean value) {
    return new PadPolicy(value, passwordHash, protectReadOnly, lifetimeMs);
  }

  public PadPolicy withPasswordHash(String value) {
    return new PadPolicy(locked, value, protectReadOnly, lifetimeMs);
  }

  public PadPolicy withProtectReadOnly(boolean value) {
    return new PadPolicy(locked, passwordHash, value, lifetimeMs);
  }

  public PadPolicy withLifetimeMs(long value) {
    return new PadPolicy(locked, passwordHash, protectReadOnly, value);
  }
}
