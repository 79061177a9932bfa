package ardoise.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** Calls to /api/v1 as a program makes them: JSON bodies, the key (if any) as a bearer. */
final class ApiV1Calls {
  static final String READ = "reader-secret-0123456789";
  static final String WRITE = "writer-secret-0123456789";
  static final String ADMIN = "admin-secret-0123456789";
  /** ARDOISE_API_KEYS for these three keys. */
  static final String KEYS = "reader:read:" + READ + ",writer:write:" + WRITE + ",archive:admin:" + ADMIN;

  private final HttpCalls http;

  ApiV1Calls(HttpCalls http) {
    this.http = http;
  }

  HttpCalls.Answer call(HttpMethod method, String path, String bearer, JsonObject body) {
    return call(method, path, bearer, body, Map.of());
  }

  HttpCalls.Answer call(HttpMethod method, String path, String bearer, JsonObject body, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    if (bearer != null) headers.put("Authorization", "Bearer " + bearer);
    if (body != null) headers.putIfAbsent("Content-Type", "application/json");
    return http.callWith(method, "/api/v1" + path, body == null ? null : body.toBuffer(), headers);
  }

  HttpCalls.Answer get(String path, String bearer) {
    return call(HttpMethod.GET, path, bearer, null);
  }

  HttpCalls.Answer post(String path, String bearer, JsonObject body) {
    return call(HttpMethod.POST, path, bearer, body);
  }

  HttpCalls.Answer put(String path, String bearer, JsonObject body) {
    return call(HttpMethod.PUT, path, bearer, body);
  }

  HttpCalls.Answer delete(String path, String bearer) {
    return call(HttpMethod.DELETE, path, bearer, null);
  }

  HttpCalls.Answer raw(HttpMethod method, String path, String bearer, Buffer body, String contentType) {
    Map<String, String> headers = new HashMap<>();
    if (bearer != null) headers.put("Authorization", "Bearer " + bearer);
    if (contentType != null) headers.put("Content-Type", contentType);
    return http.callWith(method, "/api/v1" + path, body, headers);
  }
}
