package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a phone on venue Wi-Fi receives: pages and their files compressed (Brotli, else gzip), a
 * release's files under addresses cached for a year, everything else revalidated (304), and answers
 * made per request compressed when they are large enough.
 */
class PageFilesTest {
  private static final String FOREVER = "public, max-age=31536000, immutable";
  private static final Pattern RELEASE = Pattern.compile("src=\"(/v/([0-9a-f]{12})/js/pad-main\\.js)\"");

  private final ServerFixture server = ServerFixture.start(Map.of());
  private final HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private HttpCalls.Answer get(String uri, String... headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) all.add(headers[i], headers[i + 1]);
    return http.get(uri, all);
  }

  private static String gunzip(Buffer body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String unbrotli(Buffer body) throws IOException {
    return new String(com.aayushatharva.brotli4j.decoder.Decoder.decompress(body.getBytes()).getDecompressedData(), StandardCharsets.UTF_8);
  }

  private Matcher release() {
    Matcher m = RELEASE.matcher(get("/p/atelier").text());
    assertTrue(m.find(), "the pad page loads its entry module from the release's address");
    return m;
  }

  @Test
  void pagesAndTheirFilesComeInTheBestCodingTheBrowserAccepts() throws IOException {
    String plain = get("/p/atelier").text();
    HttpCalls.Answer br = get("/p/atelier", "Accept-Encoding", "gzip, deflate, br, zstd");
    assertEquals("br", br.headers().get("Content-Encoding"));
    assertEquals("Accept-Encoding, Accept-Language", br.headers().get("Vary"));
    assertEquals(plain, unbrotli(br.body()));
    assertTrue(br.body().length() * 4 < plain.length(), br.body().length() + " of " + plain.length());
    HttpCalls.Answer gzip = get("/p/atelier", "Accept-Encoding", "gzip");
    assertEquals("gzip", gzip.headers().get("Content-Encoding"));
    assertEquals(plain, gunzip(gzip.body()));
    assertNull(get("/p/atelier").headers().get("Content-Encoding"), "no coding for a client that asks none");

    String module = release().group(1).replace("pad-main.js", "pad-page.js");
    for (String uri : List.of(module, "/webjars/codemirror__view/6.43.7/dist/index.js", "/css/ardoise.css", "/i18n/fr.json", "/sw.js")) {
      HttpCalls.Answer identity = get(uri);
      assertEquals(200, identity.status(), uri);
      HttpCalls.Answer packed = get(uri, "Accept-Encoding", "br");
      assertEquals("br", packed.headers().get("Content-Encoding"), uri);
      assertEquals(identity.text(), unbrotli(packed.body()), uri);
    }
  }

  @Test
  void aReleasesFilesAreCachedForAYearAndEverythingElseIsRevalidated() {
    Matcher release = release();
    String entry = release.group(1);
    HttpCalls.Answer versioned = get(entry);
    assertEquals(FOREVER, versioned.headers().get("Cache-Control"));
    assertEquals(FOREVER, get("/webjars/crelt/1.0.7/index.js").headers().get("Cache-Control"));
    assertEquals(FOREVER, get("/v/" + release.group(2) + "/i18n/en.json").headers().get("Cache-Control"));

    // Same file, any other address: revalidated, so an old page never pins a file under its address.
    for (String uri : List.of("/js/pad-main.js", "/v/000000000000/js/pad-main.js", "/p/atelier", "/", "/sw.js")) {
      HttpCalls.Answer first = get(uri, "Accept-Encoding", "gzip");
      assertEquals(200, first.status(), uri);
      assertEquals("no-cache", first.headers().get("Cache-Control"), uri);
      String etag = first.headers().get("ETag");
      assertNotNull(etag, uri);
      HttpCalls.Answer again = get(uri, "Accept-Encoding", "gzip", "If-None-Match", etag);
      assertEquals(304, again.status(), uri);
      assertEquals(0, again.body().length(), uri);
      assertEquals(etag, again.headers().get("ETag"), uri);
      assertEquals(200, get(uri, "If-None-Match", "\"something-else\"").status(), uri);
    }
    assertEquals(get("/js/pad-main.js").text(), versioned.text());
  }

  @Test
  void aReleasesPagesPreloadTheirModulesAndAllowTheirImportMap() {
    String page = get("/p/atelier").text();
    String tag = release().group(2);
    for (String module : List.of("/v/" + tag + "/js/pad/pad-app.js", "/v/" + tag + "/js/pad/pad-session.js",
        "/webjars/codemirror__view/6.43.7/dist/index.js", "/webjars/codemirror__state/6.7.1/dist/index.js")) {
      assertTrue(page.contains("<link rel=\"modulepreload\" href=\"" + module + "\">"), module + " in\n" + page);
    }
    assertTrue(page.contains("\"style-mod\":\"/v/" + tag + "/js/editor/style-mod-csp.js\""), "own modules of the import map");
    assertTrue(page.contains("<script src=\"/v/" + tag + "/js/browser-check.js\" defer></script>"));
    for (String uri : List.of("/p/atelier/projector", "/p/atelier/history", "/")) {
      assertTrue(get(uri).text().contains("/v/" + tag + "/"), uri);
    }
  }

  @Test
  void aPageHasItsTextsFetchedWithItsModulesInTheLanguageItsScriptsPick() {
    String tag = release().group(2);
    Map<String, String> expected = Map.of("fr-FR,fr;q=0.9,en;q=0.8", "fr", "en-GB,en;q=0.9", "en", "de-DE,fr;q=0.5", "en", "", "fr");
    expected.forEach((accept, language) -> {
      HttpCalls.Answer page = accept.isEmpty() ? get("/p/atelier") : get("/p/atelier", "Accept-Language", accept);
      assertEquals("</v/" + tag + "/i18n/" + language + ".json>; rel=preload; as=fetch; crossorigin", page.headers().get("Link"), accept);
      assertEquals(200, get("/v/" + tag + "/i18n/" + language + ".json").status());
    });
    assertEquals("Accept-Encoding, Accept-Language", get("/p/atelier", "Accept-Encoding", "br").headers().get("Vary"));
  }

  @Test
  void largeAnswersMadePerRequestAreCompressedAndSmallOnesAreNot() throws IOException {
    String text = "Compte rendu de l'atelier : les participants ont écrit ensemble.\n".repeat(100);
    HttpCalls.Answer imported = http.importFile("/api/pads/atelier/import?name=Ana&color=%23aa3300", Buffer.buffer(text),
        "text/plain", "0123456789abcdef0123");
    assertEquals(200, imported.status(), imported.text());
    HttpCalls.Answer md = get("/p/atelier/export/md", "Accept-Encoding", "gzip");
    assertEquals("gzip", md.headers().get("Content-Encoding"));
    assertTrue(gunzip(md.body()).startsWith("Compte rendu"));
    HttpCalls.Answer small = get("/api/pads/atelier", "Accept-Encoding", "gzip, br");
    assertEquals(200, small.status());
    assertNull(small.headers().get("Content-Encoding"), "answers under 1 KiB (capabilities among them) stay as they are");
  }

  @Test
  void headAnswersTheSizeWithoutABody() {
    HttpCalls.Answer head = http.callWith(HttpMethod.HEAD, "/js/pads.js", null, Map.of("Accept-Encoding", "br"));
    assertEquals(200, head.status());
    assertEquals(0, head.body().length());
    assertEquals("br", head.headers().get("Content-Encoding"));
    assertEquals(get("/js/pads.js", "Accept-Encoding", "br").body().length(), Integer.parseInt(head.headers().get("Content-Length")));
  }

  @Test
  void thePolicyGoesWithDocumentsAndNotWithEachModule() {
    String entry = release().group(1);
    for (String uri : List.of(entry, "/css/ardoise.css", "/i18n/fr.json", "/webjars/crelt/1.0.7/index.js")) {
      HttpCalls.Answer file = get(uri);
      assertNull(file.headers().get("Content-Security-Policy"), uri);
      assertEquals("nosniff", file.headers().get("X-Content-Type-Options"), uri);
    }
    for (String uri : List.of("/p/atelier", "/", "/sw.js", "/favicon.svg", "/p/atelier/projector")) {
      assertNotNull(get(uri).headers().get("Content-Security-Policy"), uri);
    }
  }

  @Test
  void unknownFilesAreNotFound() {
    assertEquals(404, get("/v/" + release().group(2) + "/js/nothing.js").status());
    assertEquals(404, get("/webjars/nothing/1.0/index.js").status());
    assertEquals(404, get("/webjars/crelt/1.0.7/../../../ardoise/App.class").status());
  }
}
