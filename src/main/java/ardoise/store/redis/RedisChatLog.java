package ardoise.store.redis;

import ardoise.store.ChatLog;
import ardoise.store.ChatMessage;
import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link ChatLog} in Redis: one stream per pad, {@code ardoise:{pad}:chat} (same hash tag as the
 * pad's other keys), entry ID {@code id-0}, capped by the append itself ({@code XADD MAXLEN}, exact).
 * A stream because the chat is append-only and read from its newest end; explicit IDs make Redis
 * refuse an id that is not above the last. The stream has the pad's TTL. The append is one Lua script, so two instances never
 * give two messages one id. Through the pad store's pooled client: the same {@code appendfsync}.
 */
final class RedisChatLog implements ChatLog {
  private static final LuaScript APPEND = LuaScript.load("chat-append.lua");

  private final RedisAPI api;
  private final RedisAvailability availability;
  private final Retention retention;

  /** A chat on a pad never written expires after {@code retention}'s default lifetime. */
  RedisChatLog(RedisAPI api, RedisAvailability availability, Retention retention) {
    this.api = api;
    this.availability = availability;
    this.retention = retention;
  }

  @Override
  public Future<ChatMessage> append(String padId, ChatMessage m, int keep) {
    if (keep < 1) throw new IllegalArgumentException("keep at least one message");
    List<String> args = List.of(Integer.toString(keep), m.clientId(), m.authorId(), m.name(), m.color(), m.text(),
        Long.toString(m.time()), Long.toString(retention.defaultMs()));
    List<String> keys = List.of(PadKeys.chat(padId), PadKeys.of(padId).meta());
    Future<ChatMessage> stored = availability.track(APPEND.run(api, keys, args))
        .map(id -> m.withId(id.toLong()));
    return RedisPadStore.onCaller(stored);
  }

  @Override
  public Future<List<ChatMessage>> recent(String padId, int limit) {
    List<String> args = List.of(PadKeys.chat(padId), "+", "-", "COUNT", Integer.toString(limit));
    return RedisPadStore.onCaller(availability.track(api.xrevrange(args)).map(RedisChatLog::oldestFirst));
  }

  private static List<ChatMessage> oldestFirst(Response entries) {
    List<ChatMessage> out = new ArrayList<>();
    if (entries == null) return out;
    for (Response entry : entries) out.add(message(entry));
    Collections.reverse(out);
    return out;
  }

  /** One entry: {@code [id-0, [field, value, …]]}; fields a later version adds are ignored. */
  private static ChatMessage message(Response entry) {
    String id = entry.get(0).toString();
    Response fields = entry.get(1);
    String clientId = "", author = "", name = "", color = "", text = "";
    long time = 0;
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String value = fields.get(i + 1).toString();
      switch (fields.get(i).toString()) {
        case "clientId" -> clientId = value;
        case "author" -> author = value;
        case "name" -> name = value;
        case "color" -> color = value;
        case "text" -> text = value;
        case "time" -> time = Long.parseLong(value);
        default -> { }
      }
    }
    return new ChatMessage(Long.parseLong(id.substring(0, id.indexOf('-'))), clientId, author, name, color, text, time);
  }
}
