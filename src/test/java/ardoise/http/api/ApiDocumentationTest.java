package ardoise.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.ApiKeys;
import ardoise.config.Config;
import ardoise.server.Server;
import ardoise.store.InMemoryPadStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * api/openapi.json is a valid OpenAPI 3.1 document (checked against the specification's JSON
 * schema, as shipped by Vert.x's OpenAPI module), and it describes exactly what is mounted: every route the
 * router has under /api/v1 is documented, and every documented operation is answered by a route
 * of its own on the running server (not by the catch-all "not-found").
 */
class ApiDocumentationTest {
  private static final Path FILE = Path.of("src/main/resources/", OpenApiFile.RESOURCE);
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private final io.vertx.core.Context context = vertx.getOrCreateContext();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static JsonObject document() throws Exception {
    return new JsonObject(Files.readString(FILE));
  }

  @Test
  void theFileIsOpenApi31AndValid() throws Exception {
    JsonObject doc = document();
    assertTrue(doc.getString("openapi").matches("3\\.1\\.[0-9]+"), doc.getString("openapi"));
    // The specification's own schema (Vert.x's OpenAPI module ships it); its contract loader adds
    // limits of its router (media types of responses) that say nothing about the document's validity.
    SchemaRepository schemas = OpenAPIVersion.V3_1.getRepository(vertx, "app:///").await();
    OutputUnit result = OpenAPIVersion.V3_1.validateContract(vertx, schemas, doc).await();
    assertTrue(result.getValid(), () -> String.valueOf(result.getErrors()));
    // The validator does refuse what is not OpenAPI: the same document without its info, or with a bad path item.
    JsonObject broken = doc.copy();
    broken.remove("info");
    assertFalse(OpenAPIVersion.V3_1.validateContract(vertx, schemas, broken).await().getValid());
    JsonObject badOperation = doc.copy();
    badOperation.getJsonObject("paths").getJsonObject("/api/v1/pads").getJsonObject("get").put("responses", "none");
    assertFalse(OpenAPIVersion.V3_1.validateContract(vertx, schemas, badOperation).await().getValid());
  }

  @Test
  void everyMountedRouteIsDocumentedAndEveryDocumentedOneIsMounted() throws Exception {
    Router router = Router.router(vertx);
    ApiV1.mount(router, new ApiAccess(ApiKeys.none()), new ApiMeter(new SimpleMeterRegistry(), ApiKeys.none()),
        ApiV1.endpoints(null), 1024);
    Set<String> mounted = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().size() != 1) continue; // the catch-alls
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      mounted.add(route.methods().iterator().next().name() + " " + path);
    }
    assertEquals(documented(document()), mounted);
  }

  @Test
  void eachDocumentedOperationIsAnsweredByItsRoute() throws Exception {
    Server app = Server.start(Config.fromValues(Map.of("ARDOISE_PORT", "0", "ARDOISE_HOST", "127.0.0.1",
        "ARDOISE_API_KEYS", "doc:admin:doc-secret-0123456789")), new InMemoryPadStore(), ardoise.http.share.LanAddresses.fixed(java.util.List.of())).await();
    try {
      for (String operation : documented(document())) {
        String[] parts = operation.split(" ", 2);
        String uri = parts[1].replace("{pad}", "doc-pad").replace("{format}", "txt");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(parts[0])).setHost("127.0.0.1")
            .setPort(app.port()).setURI(uri).addHeader("Authorization", "Bearer doc-secret-0123456789")
            .addHeader("Content-Type", "application/json");
        // The chain is built on the client's event loop: registered from the test thread, a late
        // compose(resp -> resp.body()) could run after the body went by, and the call would hang.
        io.vertx.core.Promise<Map.Entry<Integer, String>> exchange = io.vertx.core.Promise.promise();
        context.runOnContext(v -> client.request(options).compose(req -> req.send(Buffer.buffer("{}")))
            .compose(resp -> resp.body().map(body -> Map.entry(resp.statusCode(), body.toString()))).onComplete(exchange));
        var answer = exchange.future().await();
        boolean catchAll = answer.getKey() == 404 && answer.getValue().contains("\"not-found\"");
        assertFalse(catchAll, operation + " is answered by no route: " + answer.getValue());
      }
    } finally {
      app.stop().join();
    }
  }

  /** "METHOD /path" of every operation in the document. */
  private static Set<String> documented(JsonObject doc) {
    Set<String> out = new TreeSet<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) out.add(method.toUpperCase() + " " + path);
      }
    }
    return out;
  }
}
