package ardoise.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * A pad's chat, kept beside its ops in the same storage and with the same durability: a message
 * counts as sent only once {@link #append} completed. Only the newest messages are kept (the
 * caller's {@code keep}); older ones are dropped by the append itself.
 *
 * <p>Futures complete on the caller's context. A failed future means the message may or may not be
 * stored; the caller does not announce it.
 */
public interface ChatLog {

  /**
   * Stores {@code message} (its id is ignored) as the pad's next message and drops all but the
   * newest {@code keep}; completes with the message and its id once stored.
   */
  Future<ChatMessage> append(String padId, ChatMessage message, int keep);

  /** The newest {@code limit} messages of the pad, oldest first (empty for a pad without chat). */
  Future<List<ChatMessage>> recent(String padId, int limit);
}
