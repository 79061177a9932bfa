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
  void hashConstantMatchesThePadPage() throws Exception {
    assertEquals(cspHash(importMapText(WEBROOT.resolve("pad.html"))), ImportMap.SCRIPT_HASH,
        "pad.html's import map changed: put the new hash in ardoise.http.ImportMap.SCRIPT_HASH");
  }

  @Test
  void policyAllowsTheHashAndNoInlineCode() {
    String csp = ImportMap.CONTENT_SECURITY_POLICY;
    assertTrue(csp.contains("script-src 'self' " + ImportMap.SCRIPT_HASH + ";"), csp);
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
