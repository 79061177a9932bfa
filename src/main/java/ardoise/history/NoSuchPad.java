package ardoise.history;

/** The pad was never written. The message is safe to show to a client. */
public final class NoSuchPad extends RuntimeException {
  public NoSuchPad(String padId) {
    super("there is no pad named " + padId, null, false, false);
  }
}
