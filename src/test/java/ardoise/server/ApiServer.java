package ardoise.server;

import ardoise.store.redis.RedisPadStore;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * A server on a real redis-server with API keys ({@link ApiV1Calls#KEYS}), its store, and clients
 * for the API: what the API tests start before each test and close after it.
 */
final class ApiServer implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final RedisPadStore store;
  final ServerFixture server;
  final HttpCalls http;
  final ApiV1Calls api;

  private ApiServer(String redisUrl, Map<String, String> env) {
    store = RedisPadStore.create(vertx, redisUrl);
    Map<String, String> settings = new HashMap<>(env);
    settings.putIfAbsent("ARDOISE_API_KEYS", ApiV1Calls.KEYS);
    server = ServerFixture.start(settings, store);
    http = new HttpCalls(server.app.port());
    api = new ApiV1Calls(http);
  }

  /** {@code env}: settings beyond the API keys (which it may replace). */
  static ApiServer start(String redisUrl, Map<String, String> env) {
    return new ApiServer(redisUrl, env);
  }

  @Override
  public void close() throws Exception {
    http.close();
    server.close();
    store.close().await();
    vertx.close().await();
  }
}
