package ardoise.store;

/**
 * Fails {@link PadStore#append} when a record's seq is not above the last committed seq of its
 * clientId: the caller should have acknowledged that seq again instead of appending it. Nothing of
 * the batch was appended.
 */
public final class SeqNotNewException extends RuntimeException {
  public SeqNotNewException(String message) {
    super(message);
  }
}
