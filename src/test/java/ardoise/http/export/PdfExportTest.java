package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PdfExportTest {
  private final Exporter pdf = Exporters.create().get(ExportFormat.PDF);

  /** Text of each line with the font size of its first glyph. */
  private record Line(String text, float size) {}

  private static List<Line> lines(PDDocument document) throws IOException {
    List<Line> lines = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) throws IOException {
        lines.add(new Line(text, positions.isEmpty() ? 0 : positions.get(0).getFontSizeInPt()));
        super.writeString(text, positions);
      }
    };
    stripper.setSortByPosition(true);
    stripper.getText(document);
    return lines;
  }

  private static String text(PDDocument document) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(document);
  }

  private static String collapse(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void frenchMinutesKeepTheirTextAndHeadingsAreLarger() throws IOException {
    byte[] bytes = pdf.export(ExportSamples.input(ExportSamples.MINUTES, ExportOptions.plain("fr")));
    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = collapse(text(document));
      for (String phrase : ExportSamples.MINUTES_PHRASES) assertTrue(text.contains(phrase), phrase + " in " + text);
      assertTrue(text.replaceAll("\\s", "").contains(ExportSamples.LONG_WORD), "the long line is wrapped, not cut");
      assertFalse(text.contains("#"), "no missing-glyph replacement: " + text);
      List<Line> lines = lines(document);
      float body = size(lines, "Accueil des participants");
      assertTrue(size(lines, "Compte rendu de l’atelier") > body * 1.5, "h1 is larger than body text");
      assertTrue(size(lines, "Ordre du jour") > body * 1.2, "h2 is larger than body text");
    }
  }

  private static float size(List<Line> lines, String start) {
    return lines.stream().filter(l -> l.text().contains(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no line contains " + start)).size();
  }

  @Test
  void contributorsAreListedWhenAsked() throws IOException {
    byte[] bytes = ExportSamples.saved("minutes-authors.pdf", pdf.export(ExportSamples.twoAuthors(ExportOptions.withAuthors("fr"))));
    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = collapse(text(document));
      assertTrue(text.contains("Contributeurs Alice Dupré Bob « B » Noël"), text);
    }
  }

  @Test
  void fiftyPagesExport() throws IOException {
    String text = ExportSamples.longDocument(50);
    long started = System.nanoTime();
    byte[] bytes = pdf.export(ExportSamples.input(text, ExportOptions.withAuthors("fr")));
    long millis = (System.nanoTime() - started) / 1_000_000;
    try (PDDocument document = Loader.loadPDF(bytes)) {
      int pages = document.getNumberOfPages();
      System.out.printf("PDF export: %d characters -> %d pages, %d bytes, %d ms (first export in this JVM)%n",
          text.length(), pages, bytes.length, millis);
      assertTrue(pages >= 50, "pages: " + pages);
      String extracted = collapse(text(document));
      assertTrue(extracted.contains("Section 50 : décisions prises à l’unanimité"));
    }
    long again = System.nanoTime();
    pdf.export(ExportSamples.input(text, ExportOptions.plain("fr")));
    System.out.printf("PDF export again (warm): %d ms%n", (System.nanoTime() - again) / 1_000_000);
  }

  @Test
  void hostileTextIsRenderedAsText() throws IOException {
    byte[] bytes = pdf.export(ExportSamples.input(ExportSamples.HOSTILE, ExportOptions.plain("fr")));
    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = collapse(text(document));
      assertTrue(text.contains("<script>document.title='pwned';alert(1)</script>"), text);
      assertEquals(0, document.getPage(0).getAnnotations().stream()
          .filter(a -> a.getCOSObject().toString().contains("javascript")).count());
    }
  }
}
