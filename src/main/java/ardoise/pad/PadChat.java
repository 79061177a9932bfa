package ardoise.pad;

import ardoise.store.ChatLog;
import ardoise.store.ChatMessage;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A pad's chat. Invariant: a message is told to the members only once the store has it (ack ⇒
 * durable, as for edits), and members see messages in the order of their ids. Messages are stored
 * one at a time in arrival order, in a queue of their own: a chat message waiting for the store
 * never holds back an edit. A joining member's history is read in the same queue, which waits for
 * the member's admission, so no message is stored between that read and the admission: the member
 * gets every message once, in the history or live.
 *
 * <p>Thread rule: pad context only.
 */
final class PadChat {
  private static final System.Logger LOG = System.getLogger(PadChat.class.getName());

  private final String padId;
  private final ChatLog log;
  private final int keep;
  private final Map<Member, Seat> members;
  private final RequestQueue queue;

  PadChat(String padId, ChatLog log, int keep, Map<Member, Seat> members) {
    this.padId = padId;
    this.log = log;
    this.keep = keep;
    this.members = members;
    this.queue = new RequestQueue(padId);
  }

  /**
   * Reads the newest messages (oldest first) and runs {@code admit} with them; no message is stored
   * until the future {@code admit} returns completes. A store that cannot answer gives an empty
   * history: the pad stays joinable (its text matters more).
   */
  <T> Future<T> withHistory(Function<List<ChatMessage>, Future<T>> admit) {
    return queue.run(() -> log.recent(padId, keep).recover(e -> {
      LOG.log(System.Logger.Level.DEBUG, "pad={0} client=- chat history not read: {1}", padId, e.toString());
      return Future.succeededFuture(List.of());
    }).compose(admit));
  }

  /** Stores {@code from}'s message, then tells every member; if the store fails, tells {@code from} only. */
  void post(Seat from, String text) {
    MemberInfo who = from.info();
    ChatMessage message = new ChatMessage(0, who.clientId(), who.authorId(), who.name(), who.color(), text,
        System.currentTimeMillis());
    queue.run(() -> log.append(padId, message, keep).<Void>map(stored -> {
      List<ChatMessage> one = List.of(stored);
      Seat.tellAll(members.values(), m -> m.chat(one, false));
      return null;
    }).recover(e -> {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client={1} chat message not stored: {2}", padId, who.clientId(), e.toString());
      from.tell(m -> m.rejected(Rejection.STORE_UNAVAILABLE, "the chat message could not be stored; send it again", 0));
      return Future.succeededFuture();
    }));
  }

  /** Completes once every message queued before this call is stored or refused. */
  Future<Void> quiet() {
    return queue.run(() -> Future.<Void>succeededFuture());
  }

  /** True when no message waits for the store. */
  boolean isIdle() {
    return queue.isIdle();
  }
}
