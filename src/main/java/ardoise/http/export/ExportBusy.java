package ardoise.http.export;

/**
 * A render refused because the renderers are busy: the queue was full, or the render did not start
 * within the queue's wait. The client may try again after {@link #retryAfterSeconds()}.
 */
public final class ExportBusy extends RuntimeException {
  private final int retryAfterSeconds;

  ExportBusy(String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
