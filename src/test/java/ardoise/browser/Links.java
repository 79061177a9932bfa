package ardoise.browser;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs from the test itself (not a browser): the links endpoint and status checks. */
final class Links {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Links() {}

  static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + url + " failed", e);
    }
  }

  /** {edit, readOnly, projector, qr, readOnlyQr} of {@code pad} (an ASCII name). */
  static JsonObject of(PadServer server, String pad) {
    HttpResponse<String> r = get(server.url("/api/pads/" + pad + "/links"));
    if (r.statusCode() != 200) throw new AssertionError("links answered " + r.statusCode() + ": " + r.body());
    return new JsonObject(r.body());
  }
}
