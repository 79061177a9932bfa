package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.config.Version;
import ardoise.testing.ProjectVersion;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a release carries: the pom's version in /health and the home page's footer, the newest
 * CHANGELOG entry for it, the bundled settings, and the operator's templates over the bundled ones.
 */
class ReleaseInfoTest {
  @TempDir Path dir;

  private static String pomVersion() {
    return ProjectVersion.ofPom();
  }

  @Test
  void theVersionIsThePomsAndTheNewestChangelogEntry() throws Exception {
    assertEquals(pomVersion(), Version.current(), "ardoise/version.properties is filled in from the pom");
    List<String> entries = Files.readAllLines(Path.of("CHANGELOG.md")).stream().filter(l -> l.startsWith("## ")).toList();
    assertTrue(entries.get(0).startsWith("## " + Version.current() + " "), "newest first: " + entries);
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("## 0.1.0 ")), "the first release has its entry: " + entries);
  }

  @Test
  void healthAndTheHomePageShowTheVersion() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of())) {
      JsonObject health = new JsonObject(server.get("/health").text());
      assertEquals(pomVersion(), health.getString("version"));
      String home = server.get("/").text();
      assertTrue(home.contains("<span id=\"app-version\">" + pomVersion() + "</span>"), home);
      assertFalse(home.contains("{{version}}"), "no placeholder left");
      ServerFixture.Response head = server.request(HttpMethod.HEAD, "/");
      assertEquals(200, head.status());
      assertEquals("text/html; charset=utf-8", head.header("Content-Type"));
      assertEquals(0, head.body().length(), "HEAD sends no body");
    }
  }

  @Test
  void theBundledSettingsAreTheDefaults() {
    assertEquals(Config.defaults(), Config.loadBundled(Map.of()));
    assertEquals(8123, Config.loadBundled(Map.of("ARDOISE_PORT", "8123")).port());
  }

  @Test
  void theOperatorsTemplatesAddToAndReplaceTheBundledOnes() throws Exception {
    Files.writeString(dir.resolve("minutes.fr.md"), "# Notre compte rendu {{date}}\n\nà nous\n");
    Files.writeString(dir.resolve("retro.en.md"), "# Retrospective\n\n## Went well\n");
    Files.writeString(dir.resolve("notes.txt"), "not a template");
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_TEMPLATES_DIR", dir.toString()))) {
      JsonArray en = new JsonObject(server.get("/api/templates?lang=en").text()).getJsonArray("templates");
      assertEquals(List.of("minutes:Meeting minutes", "retro:Retrospective"), idsAndTitles(en), "bundled English kept, one added");
      JsonArray fr = new JsonObject(server.get("/api/templates?lang=fr").text()).getJsonArray("templates");
      assertEquals(List.of("minutes:Notre compte rendu"), idsAndTitles(fr), "the bundled French one replaced");
    }
    assertNull(Config.defaults().templatesDir());
    ConfigException e = assertThrows(ConfigException.class,
        () -> Config.fromValues(Map.of("ARDOISE_TEMPLATES_DIR", dir.resolve("nope").toString())));
    assertTrue(e.getMessage().startsWith("ARDOISE_TEMPLATES_DIR must name a directory"), e.getMessage());
  }

  private static List<String> idsAndTitles(JsonArray templates) {
    return templates.stream().map(t -> (JsonObject) t).map(t -> t.getString("id") + ":" + t.getString("title")).toList();
  }
}
