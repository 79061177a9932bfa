package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxExportTest {
  private final Exporter docx = Exporters.create().get(ExportFormat.DOCX);

  private static XWPFDocument read(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  private static XWPFParagraph paragraph(XWPFDocument document, String start) {
    return document.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph starts with " + start));
  }

  @Test
  void markdownBecomesWordStructureWithTheExactText() throws IOException {
    byte[] bytes = ExportSamples.saved("minutes.docx", docx.export(ExportSamples.input(ExportSamples.MINUTES, ExportOptions.plain("fr"))));
    try (XWPFDocument document = read(bytes)) {
      String all = new XWPFWordExtractor(document).getText();
      for (String phrase : ExportSamples.MINUTES_PHRASES) assertTrue(all.contains(phrase), phrase + " in " + all);
      assertTrue(all.contains("Emoji : 😀 👍 ❤️ fin."));
      assertTrue(all.contains(ExportSamples.LONG_WORD));
      assertEquals("Heading1", paragraph(document, "Compte rendu").getStyle());
      assertEquals("heading 1", document.getStyles().getStyle("Heading1").getName());
      assertEquals("Heading2", paragraph(document, "Ordre du jour").getStyle());
      XWPFParagraph firstItem = paragraph(document, "Accueil des participants");
      XWPFParagraph secondItem = paragraph(document, "Bilan de l’été");
      assertNotNull(firstItem.getNumID(), "a list item is numbered");
      assertEquals(firstItem.getNumID(), secondItem.getNumID(), "items of one list share a numbering");
      assertEquals("decimal", firstItem.getNumFmt());
      assertEquals("bullet", paragraph(document, "point important").getNumFmt());
      assertNull(paragraph(document, "Compte rendu").getNumID());
      assertEquals("Quote", paragraph(document, "« Citation »").getStyle());
      XWPFRun bold = paragraph(document, "Réunion à Besançon").getRuns().stream()
          .filter(r -> "présents".equals(r.text())).findFirst().orElseThrow();
      assertTrue(bold.isBold());
      XWPFRun link = paragraph(document, "lien vers le site").getRuns().get(0);
      assertTrue(link instanceof XWPFHyperlinkRun);
      assertEquals("https://exemple.fr/ete", ((XWPFHyperlinkRun) link).getHyperlink(document).getURL());
      assertEquals(1, document.getTables().size());
      XWPFTable table = document.getTables().get(0);
      assertEquals(3, table.getNumberOfRows());
      assertEquals(List.of("Action", "Responsable", "Échéance"), table.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
      assertEquals(List.of("Réserver la salle", "Noël", "1er décembre"), table.getRow(1).getTableCells().stream().map(c -> c.getText()).toList());
      assertTrue(table.getRow(0).isRepeatHeader());
    }
  }

  @Test
  void authorshipShadesRunsAndListsContributors() throws IOException {
    byte[] bytes = ExportSamples.saved("minutes-authors.docx", docx.export(ExportSamples.twoAuthors(ExportOptions.withAuthors("fr"))));
    try (XWPFDocument document = read(bytes)) {
      XWPFRun alice = paragraph(document, "Compte rendu").getRuns().get(0);
      XWPFRun bob = paragraph(document, "Ordre du jour").getRuns().get(0);
      assertEquals(new Contributor("", "#e06c75").tint(0.3).substring(1), fill(alice));
      assertEquals(new Contributor("", "#61afef").tint(0.3).substring(1), fill(bob));
      assertEquals("Heading2", paragraph(document, "Contributeurs").getStyle());
      assertTrue(paragraph(document, "■ Alice Dupré") != null);
      assertTrue(paragraph(document, "■ Bob « B » Noël") != null);
    }
  }

  private static String fill(XWPFRun run) {
    return run.getCTR().getRPr().getShdArray(0).xgetFill().getStringValue().toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void hostileTextStaysText() throws Exception {
    try (XWPFDocument document = read(docx.export(ExportSamples.input(ExportSamples.HOSTILE, ExportOptions.plain("fr"))))) {
      String all = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
      assertTrue(all.contains("<script>document.title='pwned';alert(1)</script>"), all);
      for (var relationship : document.getPackagePart().getRelationships()) {
        assertTrue(!relationship.getTargetURI().toString().toLowerCase().contains("script"), relationship.toString());
      }
    }
  }
}
