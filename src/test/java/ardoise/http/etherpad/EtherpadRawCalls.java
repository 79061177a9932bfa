package ardoise.http.etherpad;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Raw HTTP calls to the Etherpad routes of a test server, answered as (status, envelope). */
final class EtherpadRawCalls {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  EtherpadRawCalls(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Answer(int status, JsonObject body, java.net.http.HttpHeaders headers) {
    int code() { return body.getInteger("code"); }
    String message() { return body.getString("message"); }
    JsonObject data() { return body.getJsonObject("data"); }
  }

  /** A GET with these query parameters. */
  Answer get(String path, Map<String, String> query) {
    return send(HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + form(query)))).GET());
  }

  /** A POST of this form, with extra headers (name, value, …). */
  Answer post(String path, Map<String, String> form, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    if (headers.length > 0) b.headers(headers);
    return send(b);
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), new JsonObject(r.body()), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
