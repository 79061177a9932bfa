package ardoise.pad;

/**
 * Why a pad refused a member's request. The protocol layer maps each to its wire error code;
 * the pad itself knows nothing of the wire.
 */
public enum Rejection {
  /** The op cannot apply to the document it claims to be based on. */
  BAD_OP,
  /** A revision the pad has not reached (or a cursor outside the document). */
  BAD_REV,
  /** The seq skips ahead of the next one expected from this clientId. */
  SEQ_GAP,
  /** Applying the op would make the pad longer than allowed. */
  PAD_TOO_LARGE,
  /** The store is failing and the backlog of ops not yet stored is full. */
  STORE_UNAVAILABLE,
  /** The pad already has as many members as allowed. */
  TOO_MANY_CONNECTIONS,
  /** A newer connection joined with this member's clientId: only one connection speaks for a clientId. */
  REPLACED,
  /** The pad could not handle the request (a bug or a conflict it cannot resolve); reconnect. */
  SERVER_ERROR,
  /** The op is based on a revision too far behind the head to rebase; rejoin (and rebase on the client). */
  REV_TOO_OLD,
  /** The pad is gone from the store (its lifetime passed, or it was deleted): the member keeps what it shows and stops. */
  PAD_DELETED,
  /** The owner locked the pad: the op is not committed; the client keeps it and resends once unlocked. */
  PAD_LOCKED,
  /** The pad has an edit password this connection has not given (an op refused, or a join when it guards reading too). */
  PASSWORD_REQUIRED,
  /** The password given in a join or an unlock is not the pad's. */
  WRONG_PASSWORD,
  /** Too many wrong passwords from this address or for this pad: wait before trying again. */
  PASSWORD_RATE_LIMITED,
  /** The owner gave the pad a new read-only link: connections opened with the old one are closed. */
  READ_ONLY_LINK_CHANGED
}
