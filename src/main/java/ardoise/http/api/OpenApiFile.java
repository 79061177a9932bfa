package ardoise.http.api;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 description of {@code /api/v1}, {@code src/main/resources/api/openapi.json}, served
 * as it is in the repository (read once from the class path).
 */
final class OpenApiFile {
  static final String RESOURCE = "api/openapi.json";
  private static final String TEXT = read();

  private OpenApiFile() {}

  static void send(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(TEXT);
  }

  private static String read() {
    try (InputStream in = OpenApiFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
