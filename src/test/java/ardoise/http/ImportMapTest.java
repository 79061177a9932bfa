package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CSP hash matches the inline import map, and every module it names is really served. */
class ImportMapTest {

  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
  private static final Path WEBROOT = Path.of("webroot");

  static String importMapText(Path html) throws IOException {
    Matcher matcher = IMPORT_MAP.matcher(Files.readString(html, StandardCharsets.UTF_8));
    assertTrue(matcher.find(), html + " has no inline import map");
    String text = matcher.group(1);
    assertFalse(matcher.find(), html + " has two import maps");
    return text;
  }

  static String cspHash(String text) throws NoSuchAlgorithmException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
  }

  @Test
  void policyAllowsTheHashesAndNoInlineCode() {
    String csp = ImportMap.contentSecurityPolicy(List.of("'sha256-b'", "'sha256-a'"));
    assertTrue(csp.contains("script-src 'self' 'sha256-a' 'sha256-b';"), csp);
    assertTrue(csp.contains("style-src 'self';"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
  }

  @Test
  void everyMappedModuleExistsInWebrootOrAWebJar() throws Exception {
    JsonNode imports = new ObjectMapper().readTree(importMapText(WEBROOT.resolve("pad.html"))).get("imports");
    assertNotNull(imports);
    List<String> missing = new ArrayList<>();
    imports.properties().forEach(entry -> {
      String url = entry.getValue().asText();
      boolean found = url.startsWith("/webjars/")
          ? getClass().getResource("/META-INF/resources" + url) != null
          : Files.isRegularFile(WEBROOT.resolve(url.substring(1)));
      if (!found) missing.add(entry.getKey() + " -> " + url);
    });
    assertEquals(List.of(), missing, "import map entries with no file (pom.xml versions drifted?)");
  }

  @Test
  void theViewerPagesRepeatThePadPagesImportMap() throws Exception {
    String padMap = importMapText(WEBROOT.resolve("pad.html"));
    for (String page : List.of("projector.html", "read.html")) {
      assertEquals(padMap, importMapText(WEBROOT.resolve(page)), page + " must carry pad.html's import map byte for byte");
    }
  }

  private static final Pattern BARE_IMPORT =
      Pattern.compile("(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)[\"']([^\"'./][^\"']*)[\"']");

  private String source(String url) throws IOException {
    if (!url.startsWith("/webjars/")) return Files.readString(WEBROOT.resolve(url.substring(1)), StandardCharsets.UTF_8);
    try (var in = getClass().getResourceAsStream("/META-INF/resources" + url)) {
      assertNotNull(in, url);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every bare specifier imported by a mapped module or by the page scripts has an entry (search → crelt, …). */
  @Test
  void everyBareImportIsMapped() throws Exception {
    JsonNode imports = new ObjectMapper().readTree(importMapText(WEBROOT.resolve("pad.html"))).get("imports");
    assertTrue(imports.has("@codemirror/search"), "the search panel's module");
    List<String> sources = new ArrayList<>();
    for (JsonNode url : (Iterable<JsonNode>) imports::elements) sources.add(url.asText());
    try (var files = Files.walk(WEBROOT.resolve("js"))) {
      files.filter(f -> f.toString().endsWith(".js")).forEach(f -> sources.add("/" + WEBROOT.relativize(f).toString().replace('\\', '/')));
    }
    List<String> unmapped = new ArrayList<>();
    for (String url : sources) {
      Matcher matcher = BARE_IMPORT.matcher(source(url));
      while (matcher.find()) {
        if (!imports.has(matcher.group(1))) unmapped.add(url + " imports " + matcher.group(1));
      }
    }
    assertEquals(List.of(), unmapped);
  }

  @Test
  void webJarPathsInScriptsExist() throws Exception {
    Pattern webJarPath = Pattern.compile("\"(/webjars/[^\"]+)\"");
    List<String> missing = new ArrayList<>();
    try (var files = Files.walk(WEBROOT.resolve("js"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        Matcher matcher = webJarPath.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          if (getClass().getResource("/META-INF/resources" + matcher.group(1)) == null) {
            missing.add(file + ": " + matcher.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
