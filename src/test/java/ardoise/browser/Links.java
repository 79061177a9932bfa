package ardoise.browser;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** HTTP requests from the test itself (not a browser): the links endpoint, status checks, imports. */
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

  /** GET /api/pads/{pad}/owner as a program holding {@code token} would ask it: {owned, owner}. */
  static JsonObject owner(PadServer server, String pad, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/pads/" + pad + "/owner")))
        .header("Authorization", "Bearer " + token).GET().build();
    try {
      return new JsonObject(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (Exception e) {
      throw new AssertionError("owner of " + pad + " failed", e);
    }
  }

  /**
   * Replaces the text of {@code pad} (an ASCII name) with {@code text} through the import endpoint, as
   * one revision by {@code name}; returns that revision.
   */
  static long importText(PadServer server, String pad, String text, String name) {
    String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/pads/" + pad + "/import" + query)))
        .header("Content-Type", "text/markdown; charset=utf-8").header("Ardoise-Author-Secret", "import-" + "0".repeat(16)).POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
    HttpResponse<String> r;
    try {
      r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("import into " + pad + " failed", e);
    }
    if (r.statusCode() != 200) throw new AssertionError("import answered " + r.statusCode() + ": " + r.body());
    return new JsonObject(r.body()).getLong("rev");
  }

  /** {edit, readOnly, projector, qr, readOnlyQr} of {@code pad} (an ASCII name). */
  static JsonObject of(PadServer server, String pad) {
    HttpResponse<String> r = get(server.url("/api/pads/" + pad + "/links"));
    if (r.statusCode() != 200) throw new AssertionError("links answered " + r.statusCode() + ": " + r.body());
    return new JsonObject(r.body());
  }
}
