package ardoise.http.api;

/**
 * Why an API operation failed: a {@link Kind} with its HTTP status and stable code, and a message
 * safe to show the caller (it never quotes pad text or a secret).
 */
public final class ApiFailure extends RuntimeException {
  /** What went wrong; each has its status and its stable kebab-case code. */
  public enum Kind {
    NO_SUCH_PAD(404, "no-such-pad"),
    PAD_DELETED(410, "pad-deleted"),
    PAD_EXISTS(409, "pad-exists"),
    BAD_REQUEST(400, "bad-request"),
    BAD_REVISION(400, "bad-revision"),
    TOO_LARGE(413, "too-large"),
    QUOTA(429, "quota-exceeded"),
    STORE_UNAVAILABLE(503, "store-unavailable"),
    FORBIDDEN(403, "forbidden"),
    /** The pad refused a change that conflicts with its state (too many saved versions, a locked pad). */
    CONFLICT(409, "conflict"),
    /** What this deployment cannot do: a store without that operation ({@link ardoise.store.PadStore}'s defaults). */
    NOT_AVAILABLE(501, "not-available");

    private final int status;
    private final String code;

    Kind(int status, String code) {
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  public ApiFailure(Kind kind, String message) {
    this(kind, message, 0);
  }

  /** {@code retryAfterSeconds}: for {@link Kind#QUOTA}, when to try again (0: not said). */
  public ApiFailure(Kind kind, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
