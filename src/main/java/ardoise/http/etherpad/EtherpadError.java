package ardoise.http.etherpad;

/**
 * A call that ends in one of Etherpad's error codes, with a message safe to show (never a secret,
 * never pad text). Each code keeps the HTTP status Etherpad answers it with, so clients that look
 * at the status (most throw on anything but 200) behave as against Etherpad.
 */
final class EtherpadError extends RuntimeException {
  /** 1: wrong parameters (Etherpad answers it with 200). */
  static final int WRONG_PARAMETERS = 1;
  /** 2: internal error. */
  static final int INTERNAL = 2;
  /** 3: no such function (or version). */
  static final int NO_SUCH_FUNCTION = 3;
  /** 4: no or wrong API key (or a key whose scope does not allow the function). */
  static final int WRONG_KEY = 4;

  final int code;
  final int status;
  /** When to try again (a write quota), in seconds; 0: not said. */
  final long retryAfterSeconds;

  private EtherpadError(int code, int status, String message) {
    this(code, status, message, 0);
  }

  private EtherpadError(int code, int status, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Code 1 with 429: a write quota is spent; Retry-After says when to try again. */
  static EtherpadError quota(String message, long retryAfterSeconds) {
    return new EtherpadError(WRONG_PARAMETERS, 429, message, retryAfterSeconds);
  }

  static EtherpadError wrongParameters(String message) {
    return new EtherpadError(WRONG_PARAMETERS, 200, message);
  }

  /** Code 1 with another status: too large (413), over a write quota (429), refused (403)… */
  static EtherpadError refused(int status, String message) {
    return new EtherpadError(WRONG_PARAMETERS, status, message);
  }

  static EtherpadError internal(int status, String message) {
    return new EtherpadError(INTERNAL, status, message);
  }

  static EtherpadError noSuchFunction(String message) {
    return new EtherpadError(NO_SUCH_FUNCTION, 404, message);
  }

  static EtherpadError wrongKey(String message) {
    return new EtherpadError(WRONG_KEY, 401, message);
  }
}
