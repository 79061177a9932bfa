package ardoise.protocol;

import ardoise.pad.Rejection;

/**
 * The stable error codes of {@code error} frames (docs/protocol.md, "Errors"). The wire form is the
 * kebab-case {@link #code()}; {@link #closes()} tells whether the server closes the socket after it.
 */
public enum ErrorCode {
  BAD_JSON(false),
  BAD_MESSAGE(false),
  NOT_JOINED(false),
  ALREADY_JOINED(false),
  BAD_PAD_NAME(true),
  BAD_CLIENT_ID(false),
  BAD_NAME(false),
  BAD_OP(false),
  BAD_REV(false),
  SEQ_GAP(false),
  MESSAGE_TOO_LARGE(true),
  PAD_TOO_LARGE(false),
  RATE_LIMITED(false),
  TOO_MANY_CONNECTIONS(true),
  SLOW_CONSUMER(true),
  STORE_UNAVAILABLE(false),
  ORIGIN_NOT_ALLOWED(true),
  SERVER_ERROR(true),
  /** An op, cursor, profile or chat message on a read-only link's connection (refused, nothing changes). */
  READ_ONLY(false),
  /** A chat message longer than the limit (not stored). */
  CHAT_TOO_LONG(false),
  /** Too many chat messages from this connection (not stored). */
  CHAT_RATE_LIMITED(false),
  /** No join within the deadline after connecting. */
  JOIN_TIMEOUT(true),
  /** A join without the secret of its clientId or authorId, or naming an id that is not its secret's. */
  BAD_CLIENT_SECRET(false),
  /** A newer connection joined with this connection's clientId (the same tab, reconnected). */
  REPLACED(true),
  /** The server has its maximum of open connections: this new one is refused (close 1013). */
  SERVER_FULL(true),
  /** Too many profile changes from this connection; this one was not applied. */
  PROFILE_RATE_LIMITED(false),
  /** An op based on a revision too far behind the head (count or bytes); the client rejoins with its rev. */
  REV_TOO_OLD(false),
  /** The pad is gone from the store (its lifetime passed, or it was deleted): the client keeps its text and stops, without reconnecting. */
  PAD_DELETED(true),
  /** An op while the owner has locked the pad: not committed; the client keeps it and resends once a {@code policy} frame allows. */
  PAD_LOCKED(false),
  /** An op from a connection that has not given the pad's password, or a join without it when it guards reading too. */
  PASSWORD_REQUIRED(false),
  /** A join or unlock with a password that is not the pad's. */
  WRONG_PASSWORD(false),
  /** Too many wrong passwords (this address, or this pad); {@code retryAfter} says when to try again. */
  PASSWORD_RATE_LIMITED(false),
  /** The owner replaced the read-only link this connection was opened with. */
  READ_ONLY_LINK_CHANGED(true);

  private final boolean closes;
  private final String code;

  ErrorCode(boolean closes) {
    this.closes = closes;
    this.code = name().toLowerCase().replace('_', '-');
  }

  public String code() {
    return code;
  }

  public boolean closes() {
    return closes;
  }

  /** The wire code of a pad's refusal. */
  public static ErrorCode of(Rejection r) {
    return switch (r) {
      case BAD_OP -> BAD_OP;
      case BAD_REV -> BAD_REV;
      case SEQ_GAP -> SEQ_GAP;
      case PAD_TOO_LARGE -> PAD_TOO_LARGE;
      case STORE_UNAVAILABLE -> STORE_UNAVAILABLE;
      case TOO_MANY_CONNECTIONS -> TOO_MANY_CONNECTIONS;
      case SERVER_ERROR -> SERVER_ERROR;
      case REPLACED -> REPLACED;
      case REV_TOO_OLD -> REV_TOO_OLD;
      case PAD_DELETED -> PAD_DELETED;
      case PAD_LOCKED -> PAD_LOCKED;
      case PASSWORD_REQUIRED -> PASSWORD_REQUIRED;
      case WRONG_PASSWORD -> WRONG_PASSWORD;
      case PASSWORD_RATE_LIMITED -> PASSWORD_RATE_LIMITED;
      case READ_ONLY_LINK_CHANGED -> READ_ONLY_LINK_CHANGED;
    };
  }
}
