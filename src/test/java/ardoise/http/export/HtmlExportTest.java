package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlExportTest {
  private final Exporter html = Exporters.create().get(ExportFormat.HTML);

  private Document export(ExportInput input) {
    return Jsoup.parse(new String(html.export(input), StandardCharsets.UTF_8));
  }

  @Test
  void markdownBecomesStructureWithTheExactFrenchText() {
    Document page = export(ExportSamples.input(ExportSamples.MINUTES, ExportOptions.plain("fr")));
    assertEquals("Compte rendu de l’atelier « Forêt »", page.selectFirst("main h1").text());
    assertEquals("Ordre du jour", page.selectFirst("main h2").text());
    assertEquals(List.of("Accueil des participants", "Bilan de l’été : œuvres & façades", "Décisions"),
        page.select("main ol > li").eachText());
    assertEquals("important", page.selectFirst("main ul em").text());
    assertEquals("présents", page.selectFirst("main p strong").text());
    assertEquals("https://exemple.fr/ete", page.selectFirst("main a").attr("href"));
    assertEquals(List.of("Action", "Responsable", "Échéance"), page.select("main table thead th").eachText());
    assertEquals(List.of("Réserver la salle", "Noël", "1er décembre"), page.select("main table tbody tr").get(0).select("td").eachText());
    assertEquals("align-center", page.select("main table th").get(1).className());
    assertEquals("« Citation » d’un participant", page.selectFirst("main blockquote").text());
    assertNotNull(page.selectFirst("main p br"), "a line typed in the pad stays a line");
    String text = page.selectFirst("main").text();
    for (String phrase : ExportSamples.MINUTES_PHRASES) assertTrue(text.contains(phrase), phrase);
    assertTrue(text.contains(ExportSamples.LONG_WORD));
    assertTrue(text.contains("❤️"));
    assertEquals("réunion-équipe", page.title());
    assertTrue(page.selectFirst("header .revision").text().startsWith("Révision 42 · 23 novembre 2026"));
    assertTrue(page.select("footer.contributors").isEmpty(), "no contributor list unless asked");
  }

  @Test
  void taskItemsStartWithABallotBoxAsOnTheProjector() {
    String text = "- [ ] envoyer le compte rendu\n- [x] réserver la salle\n- [X] *fait*\n- [y] pas une tâche\n\n[ ] hors liste\n";
    Document page = export(ExportSamples.input(text, ExportOptions.plain("fr")));
    assertEquals(List.of("☐ envoyer le compte rendu", "☑ réserver la salle", "☑ fait", "[y] pas une tâche"),
        page.select("main ul > li").eachText());
    assertEquals("[ ] hors liste", page.select("main p").last().text(), "a box only in a list item");
    Document coloured = export(ExportSamples.input(text, ExportOptions.withAuthors("fr")));
    assertEquals("☐ envoyer le compte rendu", coloured.select("main ul > li").get(0).text(), "with authorship too");
  }

  @Test
  void authorshipColoursEachAuthorsTextAndListsContributors() {
    Document page = export(ExportSamples.twoAuthors(ExportOptions.withAuthors("en")));
    Element heading = page.selectFirst("main h1 span.a0");
    assertEquals("Compte rendu de l’atelier « Forêt »", heading.text());
    assertEquals("Ordre du jour", page.selectFirst("main h2 span.a1").text());
    assertEquals(List.of("Alice Dupré", "Bob « B » Noël"), page.select("footer.contributors li span.a0, footer.contributors li span.a1").eachText());
    assertEquals("Contributors", page.selectFirst("footer.contributors h2").text());
    String css = page.selectFirst("style").data();
    assertTrue(css.contains(".s0 { background-color: #e06c75; }"), css);
    assertTrue(css.contains(".s1 { background-color: #61afef; }"), css);
  }

  @Test
  void hostilePadTextCannotRunOrLoadAnything() {
    Document page = export(ExportSamples.input(ExportSamples.HOSTILE, ExportOptions.withAuthors("fr")));
    assertEquals(1, page.select("style").size(), "only the export's own stylesheet");
    assertTrue(page.select("script, iframe, img, svg, object, embed, link, base, form, div").isEmpty(), page.html());
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        assertFalse(name.startsWith("on"), "event handler " + attribute);
        assertFalse(name.equals("style"), "inline style " + attribute);
        if (name.equals("href") || name.equals("src")) {
          assertTrue(attribute.getValue().startsWith("https://") || attribute.getValue().startsWith("http://"), attribute.toString());
        }
      }
    }
    assertTrue(page.select("a").isEmpty(), "every hostile link lost its href");
    String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-"), csp);
    String text = page.selectFirst("main").text();
    assertTrue(text.contains("<script>document.title='pwned';alert(1)</script>"), "raw HTML is shown as text: " + text);
    assertTrue(text.contains("<img src=x onerror=\"document.title='pwned';alert(1)\">"), text);
    assertTrue(text.contains("clic"));
  }

  @Test
  void theStylesheetHashInTheCspMatchesTheStylesheet() {
    Document page = export(ExportSamples.twoAuthors(ExportOptions.withAuthors("fr")));
    String css = page.selectFirst("style").data();
    String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.contains("'" + HtmlPage.sha256(css) + "'"), csp);
  }

  @Test
  void hostileContributorNamesAndColoursAreNeutralised() {
    ExportInput input = new ExportInput("p", 1, ExportSamples.TIME, "salut", List.of(new ardoise.ot.AuthorRun(5, "x")),
        java.util.Map.of("x", new Contributor("<script>alert(1)</script>", "red;}</style><script>alert(1)</script>")),
        ExportOptions.withAuthors("fr"));
    String raw = new String(html.export(input), StandardCharsets.UTF_8);
    Document page = Jsoup.parse(raw);
    assertTrue(page.select("script").isEmpty(), raw);
    assertEquals("<script>alert(1)</script>", page.selectFirst("footer li span.a0").text());
    assertTrue(page.selectFirst("style").data().contains(".s0 { background-color: " + Contributor.NEUTRAL + "; }"));
  }
}
