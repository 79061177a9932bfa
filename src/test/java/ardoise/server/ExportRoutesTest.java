package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.export.ExportFormat;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /p/{pad}/export/{format}: the text of the asked revision, clear refusals. */
class ExportRoutesTest {
  private final ServerFixture server = ServerFixture.start(Map.of());
  private final HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  /** Three revisions: "# Réunion\n", then "\nÉlèves : Zoë, Noël", then "# Réunion d’été\n...". */
  private void typeThreeRevisions(String pad) {
    WsClient a = server.connect(pad);
    a.join(ServerFixture.newClientId());
    a.op(0, 1, "# Réunion\n");
    a.next("ack");
    a.op(1, 2, 10, "\nÉlèves : Zoë, Noël");
    a.next("ack");
    a.op(2, 3, 9, " d’été", 20);
    a.next("ack");
  }

  @Test
  void revParameterExportsThatRevision() throws Exception {
    typeThreeRevisions("minutes");
    assertEquals("# Réunion\n", http.get("/p/minutes/export/txt?rev=1").text());
    assertEquals("# Réunion\n\nÉlèves : Zoë, Noël", http.get("/p/minutes/export/md?rev=2").text());
    HttpCalls.Answer head = http.get("/p/minutes/export/txt");
    assertEquals("# Réunion d’été\n\nÉlèves : Zoë, Noël", head.text());
    assertEquals("text/plain; charset=utf-8", head.contentType());
    assertTrue(head.disposition().startsWith("attachment; filename=\"minutes-"), head.disposition());
    assertTrue(head.disposition().contains("filename*=UTF-8''minutes-"), head.disposition());

    HttpCalls.Answer pdf = http.get("/p/minutes/export/pdf?rev=2&authors=1");
    assertEquals("application/pdf", pdf.contentType());
    try (PDDocument document = Loader.loadPDF(pdf.body().getBytes())) {
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains("Élèves : Zoë, Noël") && !text.contains("d’été"), text);
      assertTrue(text.contains("Contributeurs"), text);
    }
    HttpCalls.Answer docx = http.get("/p/minutes/export/docx?rev=3");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body().getBytes()))) {
      assertEquals("Heading1", document.getParagraphs().get(1).getStyle());
      assertTrue(new XWPFWordExtractor(document).getText().contains("Réunion d’été"));
    }
    assertTrue(http.get("/p/minutes/export/html?rev=3&lang=en").text().contains("<h1>Réunion d’été</h1>"));
    assertEquals("application/vnd.oasis.opendocument.text", http.get("/p/minutes/export/odt").contentType());
  }

  /** Revision 1 of {@code padId}, written straight into the store at {@code time}. */
  private void storeAt(String padId, String text, Instant time) {
    TextOperation op = TextOperation.builder().insert(text, "author-a").build();
    server.store.append(padId, 0, List.of(new OpRecord(1, op, "client-a", 1, "author-a", time.toEpochMilli()))).await();
  }

  @Test
  void accentedPadNamesGetAnRfc5987FileName() {
    // Canonical names have no Latin accents; a pad stored under an older accented spelling keeps them.
    storeAt("réunion-été", "# Réunion", Instant.parse("2026-11-23T10:00:00Z"));
    HttpCalls.Answer answer = http.get("/p/r%C3%A9union-%C3%A9t%C3%A9/export/md");
    assertEquals(200, answer.status());
    assertTrue(answer.disposition().contains("filename=\"reunion-ete-"), answer.disposition());
    assertTrue(answer.disposition().contains("filename*=UTF-8''r%C3%A9union-%C3%A9t%C3%A9-"), answer.disposition());
  }

  @Test
  void theTimeLineIsInTheZoneTheBrowserSent() throws Exception {
    storeAt("fuseau", "Bonjour", Instant.parse("2026-11-23T11:46:00Z"));
    assertTrue(http.get("/p/fuseau/export/html").text().contains("Révision 1 · 23 novembre 2026, 11:46 UTC"));
    String auckland = http.get("/p/fuseau/export/html?tz=Pacific%2FAuckland").text();
    assertTrue(auckland.contains("Révision 1 · 24 novembre 2026, 00:46 (Pacific/Auckland)"), auckland);
    String paris = http.get("/p/fuseau/export/html?lang=en&tz=Europe/Paris").text();
    assertTrue(paris.contains("Revision 1 · 23 November 2026, 12:46 (Europe/Paris)"), paris);
    try (PDDocument document = Loader.loadPDF(http.get("/p/fuseau/export/pdf?tz=Pacific%2FAuckland").body().getBytes())) {
      assertTrue(new PDFTextStripper().getText(document).contains("00:46 (Pacific/Auckland)"));
    }
    HttpCalls.Answer docx = http.get("/p/fuseau/export/docx?tz=America%2FNew_York");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body().getBytes()))) {
      assertTrue(new XWPFWordExtractor(document).getText().contains("06:46 (America/New_York)"));
    }
    for (String bad : new String[] {"Nowhere%2FElse", "..%2F..%2Fetc%2Fpasswd", "%3Cb%3E", "UTC%2B99", "x".repeat(300), ""}) {
      HttpCalls.Answer answer = http.get("/p/fuseau/export/html?tz=" + bad);
      assertEquals(200, answer.status(), bad);
      assertTrue(answer.text().contains("23 novembre 2026, 11:46 UTC"), bad);
    }
  }

  @Test
  void aPadOpenedButNeverWrittenExportsAnEmptyDocumentInEveryFormat() throws Exception {
    WsClient opener = server.connect("vide");
    opener.join(ServerFixture.newClientId());
    for (ExportFormat format : ExportFormat.values()) {
      HttpCalls.Answer answer = http.get("/p/vide/export/" + format.extension());
      assertEquals(200, answer.status(), format + ": " + answer.text());
      assertEquals(format.contentType(), answer.contentType(), format.extension());
    }
    assertEquals("", http.get("/p/vide/export/txt").text());
    assertEquals("", http.get("/p/vide/export/md").text());
    assertTrue(http.get("/p/vide/export/html").text().contains("Révision 0 · "));
    try (PDDocument document = Loader.loadPDF(http.get("/p/vide/export/pdf").body().getBytes())) {
      assertTrue(new PDFTextStripper().getText(document).contains("Révision 0"));
    }
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(http.get("/p/vide/export/docx").body().getBytes()))) {
      assertTrue(new XWPFWordExtractor(document).getText().contains("vide — Révision 0"));
    }
    assertEquals(404, http.get("/p/vide/export/txt?rev=1").status(), "revision 1 was never written");
    assertEquals(404, http.get("/p/personne/export/pdf").status(), "a pad nobody opened stays unknown");
  }

  @Test
  void badRequestsAreRefusedClearly() {
    typeThreeRevisions("refus");
    HttpCalls.Answer unknownPad = http.get("/p/jamais-vu/export/pdf");
    assertEquals(404, unknownPad.status());
    assertTrue(unknownPad.text().contains("there is no pad named jamais-vu"), unknownPad.text());
    HttpCalls.Answer badFormat = http.get("/p/refus/export/exe");
    assertEquals(404, badFormat.status());
    assertTrue(badFormat.text().contains("pdf, docx, odt, html, md, txt"), badFormat.text());
    HttpCalls.Answer future = http.get("/p/refus/export/txt?rev=4");
    assertEquals(400, future.status());
    assertTrue(future.text().contains("revision 4 does not exist: this pad has revisions 0 to 3"), future.text());
    assertEquals(400, http.get("/p/refus/export/txt?rev=-1").status());
    assertEquals(400, http.get("/p/refus/export/txt?rev=abc").status());
    assertEquals(400, http.get("/p/a%2Fb/export/txt").status());
  }
}
