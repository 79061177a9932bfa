package ardoise.http.etherpad;

import ardoise.config.ApiKeys.Scope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * One Etherpad function as Ardoise answers it: the least scope of key it needs, and what it does.
 * The answer is Etherpad's {@code data} (null for the functions whose answer carries none).
 */
record EtherpadFunction(Scope scope, Function<EtherpadCall, Future<JsonObject>> body) {
  Future<JsonObject> call(EtherpadCall call) {
    try {
      return body.apply(call);
    } catch (RuntimeException e) {
      // Parameter checks throw before any effect; they end the call like a failed future.
      return Future.failedFuture(e);
    }
  }
}
