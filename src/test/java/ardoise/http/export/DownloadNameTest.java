package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DownloadNameTest {

  @Test
  void accentsGoInFilenameStarAndAnAsciiFallback() {
    DownloadName name = DownloadName.of("réunion-équipe", ExportSamples.TIME, ExportFormat.PDF);
    assertEquals("réunion-équipe-2026-11-23.pdf", name.unicode());
    assertEquals("reunion-equipe-2026-11-23.pdf", name.ascii());
    assertEquals("attachment; filename=\"reunion-equipe-2026-11-23.pdf\"; "
        + "filename*=UTF-8''r%C3%A9union-%C3%A9quipe-2026-11-23.pdf", name.contentDisposition());
  }

  @Test
  void quotesSlashesAndControlsNeverReachTheHeader() {
    DownloadName name = DownloadName.of("../a\"b;c\r\nd/«e»", ExportSamples.TIME, ExportFormat.TXT);
    assertEquals("a-b-c-d-e-2026-11-23.txt", name.unicode());
    assertEquals("attachment; filename=\"a-b-c-d-e-2026-11-23.txt\"; filename*=UTF-8''a-b-c-d-e-2026-11-23.txt",
        name.contentDisposition());
    assertEquals("pad-2026-11-23.odt", DownloadName.of("«»", ExportSamples.TIME, ExportFormat.ODT).unicode());
  }

  @Test
  void formatsHaveTheirMediaTypes() {
    assertEquals("application/pdf", ExportFormat.parse("PDF").orElseThrow().contentType());
    assertEquals("application/vnd.oasis.opendocument.text", ExportFormat.parse("odt").orElseThrow().contentType());
    assertEquals("text/markdown; charset=utf-8", ExportFormat.parse("md").orElseThrow().contentType());
    assertEquals(java.util.Optional.empty(), ExportFormat.parse("exe"));
  }

  @Test
  void textAndMarkdownAreThePadTextByteForByte() {
    String text = ExportSamples.MINUTES + "<script>x</script>\r\n";
    for (ExportFormat format : new ExportFormat[] {ExportFormat.TXT, ExportFormat.MD}) {
      byte[] bytes = Exporters.create().get(format).export(ExportSamples.input(text, ExportOptions.withAuthors("fr")));
      assertEquals(text, new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void onlyWebAndMailLinksAreKept() {
    assertEquals("https://exemple.fr/a?b=c", SafeLink.check(" https://exemple.fr/a?b=c "));
    assertEquals("mailto:zoe@exemple.fr", SafeLink.check("mailto:zoe@exemple.fr"));
    for (String bad : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "/relative", "//evil.example/x",
        "https://a\"onmouseover=alert(1)", "https://a b"}) {
      assertNull(SafeLink.check(bad), bad);
    }
  }
}
