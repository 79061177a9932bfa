package ardoise.protocol;

import ardoise.quota.Quotas;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * What one connection's writes take from its client address's quotas ({@link Quotas}): each op and
 * chat message its length in bytes, and the first op in an empty pad one pad created, unless the
 * pad's creation was paid already (POST /api/pads made it: it has an owner). Refusals are
 * {@code quota-exceeded} with the seconds to wait. Thread rule: the session's context.
 */
final class SessionQuota {
  private Quotas.OfAddress quota = Quotas.NONE.of("");
  private Function<String, Future<Boolean>> created = padId -> Future.succeededFuture(false);
  /** The pad had no revision when the connection joined and none arrived since: a first op creates it. */
  private boolean padEmpty;
  /** The pad's creation is paid (by this connection, or by POST /api/pads). */
  private boolean padPaid;
  private boolean asked;
  private boolean asking;

  /** {@code created}: whether a pad's creation was paid already (asked once, at the first op in an empty pad). */
  void limit(Quotas.OfAddress quota, Function<String, Future<Boolean>> created) {
    this.quota = quota;
    this.created = created;
  }

  /** The connection joined at {@code rev}. */
  void joined(long rev) {
    padEmpty = rev == 0;
  }

  /** A revision of the pad arrived: it exists. */
  void padWritten() {
    padEmpty = false;
  }

  /** True while the store is asked whether the pad's creation was paid: the messages wait, in order. */
  boolean asking() {
    return asking;
  }

  /** The bytes quota (a message's length): O(1) per message, see {@link ardoise.quota.AddressBudget}. */
  void takeBytes(ClientMessage m, int length) throws ProtocolException {
    long wait = quota.bytes(length);
    if (wait == 0) return;
    String what = m instanceof ClientMessage.Op ? "this edit was not applied: keep it and send it again"
        : "this chat message was not sent: send it again";
    throw new ProtocolException(ErrorCode.QUOTA_EXCEEDED, "too much written from your network this minute; " + what
        + " in " + wait + " s", m instanceof ClientMessage.Op op ? op.seq() : 0, wait);
  }

  /**
   * Whether the op about to be handled is the first in an empty pad and the store was not asked yet
   * whether its creation was paid: then the op waits (first in line) and {@link #ask} asks.
   */
  boolean mustAsk() {
    return padEmpty && !padPaid && !asked;
  }

  /** Asks once whether the pad's creation was paid; {@code then} runs with the answer (at once if it is known). */
  void ask(String padId, Runnable then) {
    asked = true;
    asking = true;
    created.apply(padId).onComplete(r -> {
      padPaid = r.succeeded() && r.result();
      asking = false;
      then.run();
    });
  }

  /** The pads-created quota, paid once per pad by the first connection whose op is the first of the empty pad (see {@link Quotas.OfAddress#pad}). */
  void takePad(String padId, ClientMessage.Op op) throws ProtocolException {
    if (!padEmpty || padPaid) return;
    long wait = quota.pad(padId);
    if (wait > 0) {
      throw new ProtocolException(ErrorCode.QUOTA_EXCEEDED, "too many new pads from your network this minute; "
          + "this edit was not applied: keep it and send it again in " + wait + " s", op.seq(), wait);
    }
    padPaid = true;
  }
}
