package ardoise.server;

import ardoise.testing.ThreadDump;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** GET and POST against a test server, answered as (status, headers, body). Keeps its client in a field. */
final class HttpCalls implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  private final Context context = vertx.getOrCreateContext();
  private final int port;

  HttpCalls(int port) {
    this.port = port;
  }

  record Answer(int status, MultiMap headers, Buffer body) {
    String contentType() {
      return headers.get("Content-Type");
    }

    String disposition() {
      return headers.get("Content-Disposition");
    }

    String text() {
      return body.toString();
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }

  Answer get(String uri) {
    return call(HttpMethod.GET, uri, null, (String) null);
  }

  Answer post(String uri, JsonObject body) {
    return call(HttpMethod.POST, uri, body.toBuffer(), "application/json");
  }

  Answer post(String uri, Buffer body, String contentType) {
    return call(HttpMethod.POST, uri, body, contentType);
  }

  /** An import: the file as the body, its author's secret in the header browsers send it in. */
  Answer importFile(String uri, Buffer body, String contentType, String authorSecret) {
    return callWith(HttpMethod.POST, uri, body, java.util.Map.of("Content-Type", contentType, "Ardoise-Author-Secret", authorSecret));
  }

  Answer call(HttpMethod method, String uri, Buffer body, String contentType) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (contentType != null) headers.add("Content-Type", contentType);
    return call(method, uri, body, headers, null);
  }

  /** A request with these headers (e.g. Content-Type, Origin, Sec-Fetch-Site). */
  Answer callWith(HttpMethod method, String uri, Buffer body, java.util.Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(all::add);
    return call(method, uri, body, all, null);
  }

  /** A GET with these request headers (e.g. Accept-Language). */
  Answer get(String uri, MultiMap headers) {
    return call(HttpMethod.GET, uri, null, headers, null);
  }

  /** A GET sent to the server with {@code authority} (host[:port]) as its Host header, as a browser on another address would. */
  Answer getAs(String authority, String uri) {
    return call(HttpMethod.GET, uri, null, MultiMap.caseInsensitiveMultiMap(), authority);
  }

  private Answer call(HttpMethod method, String uri, Buffer body, MultiMap headers, String authority) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(uri).setHeaders(headers)
        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1")).setHost("127.0.0.1").setPort(port);
    if (authority != null) {
      int colon = authority.lastIndexOf(':');
      options.setHost(authority.substring(0, colon)).setPort(Integer.parseInt(authority.substring(colon + 1)));
    }
    // The whole chain is built on the client's event loop: registered from the test thread, a late
    // compose(resp -> resp.body()) could run after the body already went by, and the call would hang.
    Promise<Answer> answer = Promise.promise();
    context.runOnContext(v -> client.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.headers(), b)))
        .onComplete(answer));
    try {
      return answer.future().await(WsClient.WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer to " + method + " " + uri + " within " + WsClient.WAIT_SECONDS
          + " s; threads:\n" + ThreadDump.all());
    }
  }

  @Override
  public void close() {
    vertx.close();
  }
}
