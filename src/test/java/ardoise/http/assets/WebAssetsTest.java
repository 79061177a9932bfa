package ardoise.http.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** How pages are rewritten, which modules they preload, how files are tagged, coded and matched. */
class WebAssetsTest {
  private static final Executor NOW = Runnable::run;

  private static final String PAGE = """
      <!DOCTYPE html>
      <html><head>
        <link rel="stylesheet" href="/css/a.css">
        <script type="importmap">
      {"imports":{"lib":"/webjars/lib/1.0/index.js","style":"/js/style.js"}}
        </script>
        <script type="module" src="/js/main.js"></script>
      </head><body><footer>{{version}}</footer></body></html>
      """;

  private static Map<String, byte[]> site(String mainJs) {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("/page.html", PAGE.getBytes(StandardCharsets.UTF_8));
    files.put("/css/a.css", "body{}".getBytes(StandardCharsets.UTF_8));
    files.put("/js/main.js", mainJs.getBytes(StandardCharsets.UTF_8));
    files.put("/js/util/deep.js", "import { x } from '../style.js';\nexport const y = x;".getBytes(StandardCharsets.UTF_8));
    files.put("/js/style.js", "export const x = 1;".getBytes(StandardCharsets.UTF_8));
    files.put("/js/lazy.js", "export const z = 2;".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static final String MAIN = """
      // import { nope } from "./commented.js";
      /**
       * @param {import("./typed.js").T} t
       */
      import { y } from "./util/deep.js";
      import * as lib from 'lib';
      export { w } from "./gen.js";
      const later = () => import("./lazy.js");
      const accept = "text/*";
      """;

  @Test
  void aPageLoadsItsOwnFilesFromTheReleasesAddressAndPreloadsItsWholeModuleChain() {
    WebAssets assets = WebAssets.load(site(MAIN), Map.of("/js/gen.js", "export const w = 3;"), "1.2.3");
    String prefix = "/v/" + assets.tag();
    String html = assets.file("/page.html").orElseThrow().text();
    assertTrue(html.contains("href=\"" + prefix + "/css/a.css\""), html);
    assertTrue(html.contains("src=\"" + prefix + "/js/main.js\""), html);
    assertTrue(html.contains("\"style\":\"" + prefix + "/js/style.js\""), "own modules of the import map are versioned: " + html);
    assertTrue(html.contains("\"lib\":\"/webjars/lib/1.0/index.js\""), "WebJars keep their versioned address: " + html);
    assertTrue(html.contains("<footer>1.2.3</footer>"), html);
    assertTrue(html.contains("<script src=\"" + prefix + "/js/browser-check.js\" defer></script>\n</head>"), html);

    List<String> preloads = html.lines().filter(l -> l.contains("modulepreload"))
        .map(l -> l.replaceAll(".*href=\"([^\"]+)\".*", "$1")).toList();
    assertEquals(List.of(prefix + "/js/util/deep.js", "/webjars/lib/1.0/index.js", prefix + "/js/gen.js", prefix + "/js/style.js"),
        preloads, "static imports, nearest first; not the entry, not import(), not comments");
    assertTrue(html.indexOf("modulepreload") > html.indexOf("</script>"), "preloads come after the import map");
    assertEquals(1, assets.importMapHashes().size());
    String map = html.replaceAll("(?s).*<script type=\"importmap\">(.*?)</script>.*", "$1");
    assertEquals(PageRewrite.cspHash(map), assets.importMapHashes().iterator().next(), "the hash of the map as sent");
  }

  @Test
  void aPageWithoutImportMapPreloadsBeforeItsFirstModule() {
    Map<String, byte[]> files = site("import { y } from './util/deep.js';");
    files.put("/page.html", """
        <html><head><script type="module" src="/js/main.js"></script></head><body></body></html>
        """.getBytes(StandardCharsets.UTF_8));
    WebAssets assets = WebAssets.load(files, Map.of(), "1");
    String html = assets.file("/page.html").orElseThrow().text();
    String prefix = "/v/" + assets.tag();
    assertTrue(html.indexOf("<link rel=\"modulepreload\" href=\"" + prefix + "/js/util/deep.js\">")
        < html.indexOf("<script type=\"module\""), html);
    assertTrue(assets.importMapHashes().isEmpty());
  }

  @Test
  void theTagChangesWithAnyFileAndTheRelease() {
    String tag = WebAssets.load(site(MAIN), Map.of(), "1").tag();
    assertEquals(tag, WebAssets.load(site(MAIN), Map.of(), "1").tag());
    assertNotEquals(tag, WebAssets.load(site(MAIN + " "), Map.of(), "1").tag());
    assertNotEquals(tag, WebAssets.load(site(MAIN), Map.of("/js/gen.js", "x"), "1").tag());
    assertNotEquals(tag, WebAssets.load(site(MAIN), Map.of(), "2").tag());
    assertTrue(tag.matches("[0-9a-f]{12}"), tag);
  }

  @Test
  void filesAreCompressedOnceAndSmallOnesNever() throws IOException {
    byte[] text = "ardoise ".repeat(500).getBytes(StandardCharsets.UTF_8);
    Asset js = new Asset(text, "text/javascript; charset=utf-8");
    byte[] gzip = js.in(Encoding.GZIP, NOW).join();
    assertTrue(gzip.length < text.length / 10);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertEquals(new String(text, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertSame(gzip, js.in(Encoding.GZIP, NOW).join(), "made once");
    assertEquals(Encoding.GZIP, js.encodingFor(Encoding.GZIP));

    Asset tiny = new Asset("x".getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8");
    assertEquals(Encoding.IDENTITY, tiny.encodingFor(Encoding.BROTLI));
    Asset png = new Asset(new byte[4096], "image/png");
    assertEquals(Encoding.IDENTITY, png.encodingFor(Encoding.GZIP));
  }

  @Test
  void brotliLoadsHereAndRoundTrips() throws IOException {
    assertTrue(Encoding.brotliAvailable(), "brotli4j's native library for this machine is on the class path");
    byte[] text = "le compte rendu de l'atelier ".repeat(200).getBytes(StandardCharsets.UTF_8);
    byte[] br = new Asset(text, "text/html; charset=utf-8").in(Encoding.BROTLI, NOW).join();
    assertTrue(br.length < text.length / 10);
    com.aayushatharva.brotli4j.decoder.DirectDecompress back = com.aayushatharva.brotli4j.decoder.Decoder.decompress(br);
    assertEquals(new String(text, StandardCharsets.UTF_8), new String(back.getDecompressedData(), StandardCharsets.UTF_8));
  }

  @Test
  void theBestAcceptedCodingIsChosen() {
    assertEquals(Encoding.BROTLI, Encoding.negotiate("gzip, deflate, br, zstd"));
    assertEquals(Encoding.GZIP, Encoding.negotiate("gzip, deflate"));
    assertEquals(Encoding.GZIP, Encoding.negotiate("br;q=0, gzip;q=0.5"));
    assertEquals(Encoding.IDENTITY, Encoding.negotiate("deflate"));
    assertEquals(Encoding.IDENTITY, Encoding.negotiate(null));
    assertEquals(Encoding.IDENTITY, Encoding.negotiate("*;q=0"));
    assertEquals(Encoding.BROTLI, Encoding.negotiate("*"));
    assertEquals(Encoding.GZIP, Encoding.negotiate("br;q=0, *"));
  }

  @Test
  void anEtagMatchesTheFileInAnyCodingAndNothingElse() {
    Asset a = new Asset("a".repeat(1000).getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8");
    Asset b = new Asset("b".repeat(1000).getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8");
    for (Encoding e : Encoding.values()) {
      assertTrue(a.matches(a.etag(e)), e.name());
      assertTrue(a.matches("W/" + a.etag(e)), "weak form, as some proxies rewrite it");
      assertFalse(b.matches(a.etag(e)), e.name());
    }
    assertTrue(a.matches(b.etag(Encoding.GZIP) + ", " + a.etag(Encoding.BROTLI)));
    assertNotEquals(a.etag(Encoding.GZIP), a.etag(Encoding.BROTLI));
    assertFalse(a.matches(null));
    assertFalse(a.matches("\"\""));
  }
}
