package ardoise.ot;

/**
 * Thrown when an operation is malformed or cannot apply to a document: wrong base length,
 * a split surrogate pair, a lone surrogate in inserted text, a bad JSON form.
 * The message is meant for humans and is safe to send to a client.
 */
public final class InvalidOperationException extends IllegalArgumentException {
  public InvalidOperationException(String message) {
    super(message);
  }
}
