package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class OdtExportTest {
  private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private final Exporter odt = Exporters.create().get(ExportFormat.ODT);

  private record Part(String name, int method, byte[] bytes) {}

  private static List<Part> unzip(byte[] odt) throws IOException {
    List<Part> parts = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(odt))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        parts.add(new Part(entry.getName(), entry.getMethod(), zip.readAllBytes()));
      }
    }
    return parts;
  }

  private static Document xml(List<Part> parts, String name) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Part part = parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(part.bytes()));
  }

  /** The text an ODF reader shows for an element: text:s, text:tab and text:line-break expanded. */
  static String text(Node node) {
    if (node.getNodeType() == Node.TEXT_NODE) return node.getNodeValue();
    if (TEXT.equals(node.getNamespaceURI())) {
      switch (node.getLocalName()) {
        case "s" -> {
          String count = ((Element) node).getAttributeNS(TEXT, "c");
          return " ".repeat(count.isEmpty() ? 1 : Integer.parseInt(count));
        }
        case "tab" -> { return "\t"; }
        case "line-break" -> { return "\n"; }
        default -> { }
      }
    }
    StringBuilder out = new StringBuilder();
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) out.append(text(children.item(i)));
    return out.toString();
  }

  private static List<Element> elements(Document document, String namespace, String name) {
    NodeList list = document.getElementsByTagNameNS(namespace, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
    return out;
  }

  @Test
  void packageStartsWithAStoredMimetype() throws Exception {
    List<Part> parts = unzip(ExportSamples.saved("minutes.odt", odt.export(ExportSamples.input(ExportSamples.MINUTES, ExportOptions.plain("fr")))));
    assertEquals("mimetype", parts.get(0).name());
    assertEquals(ZipEntry.STORED, parts.get(0).method());
    assertEquals("application/vnd.oasis.opendocument.text", new String(parts.get(0).bytes(), StandardCharsets.US_ASCII));
    assertEquals(List.of("mimetype", "META-INF/manifest.xml", "meta.xml", "styles.xml", "content.xml"),
        parts.stream().map(Part::name).toList());
    xml(parts, "META-INF/manifest.xml");
    assertTrue(text(xml(parts, "meta.xml").getDocumentElement()).contains("réunion-équipe"));
    Document styles = xml(parts, "styles.xml");
    assertTrue(elements(styles, "urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style").stream()
        .anyMatch(s -> s.getAttributeNS("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "name").equals("Heading_20_1")));
  }

  @Test
  void markdownBecomesOdfStructureWithTheExactText() throws Exception {
    Document content = xml(unzip(odt.export(ExportSamples.input(ExportSamples.MINUTES, ExportOptions.plain("fr")))), "content.xml");
    String all = text(content.getDocumentElement());
    for (String phrase : ExportSamples.MINUTES_PHRASES) assertTrue(all.contains(phrase), phrase + " in " + all);
    assertTrue(all.contains("Emoji : 😀 👍 ❤️ fin."));
    Map<String, String> headings = new LinkedHashMap<>();
    for (Element h : elements(content, TEXT, "h")) headings.put(text(h), h.getAttributeNS(TEXT, "outline-level"));
    assertEquals(Map.of("Compte rendu de l’atelier « Forêt »", "1", "Ordre du jour", "2"), headings);
    List<Element> lists = elements(content, TEXT, "list");
    assertEquals(2, lists.size());
    assertEquals("LNumbers", lists.get(0).getAttributeNS(TEXT, "style-name"));
    assertEquals(List.of("Accueil des participants", "Bilan de l’été : œuvres & façades", "Décisions"),
        elements(content, TEXT, "list-item").subList(0, 3).stream().map(OdtExportTest::text).toList());
    List<Element> tables = elements(content, TABLE, "table");
    assertEquals(1, tables.size());
    assertEquals(1, elements(content, TABLE, "table-header-rows").size());
    List<Element> rows = elements(content, TABLE, "table-row");
    assertEquals(3, rows.size());
    assertEquals("Réserver la salle", text(rows.get(1).getFirstChild()));
    assertTrue(elements(content, TEXT, "line-break").size() >= 1, "a typed line stays a line");
    assertTrue(elements(content, TEXT, "a").stream().anyMatch(a -> a.getAttributeNS("http://www.w3.org/1999/xlink", "href").equals("https://exemple.fr/ete")));
  }

  @Test
  void spacesAndTabsSurvive() throws Exception {
    String typed = "a  b   c\td\n\n    code  indenté\n";
    Document content = xml(unzip(odt.export(ExportSamples.input(typed, ExportOptions.withAuthors("fr")))), "content.xml");
    List<Element> paragraphs = elements(content, TEXT, "p");
    assertEquals("a  b   c\td", text(paragraphs.get(1)));
    assertEquals("code  indenté", text(paragraphs.get(2)));
  }

  @Test
  void authorshipSpansAndContributors() throws Exception {
    Document content = xml(unzip(ExportSamples.saved("minutes-authors.odt", odt.export(ExportSamples.twoAuthors(ExportOptions.withAuthors("en"))))), "content.xml");
    Element h1 = elements(content, TEXT, "h").get(0);
    Element span = (Element) h1.getFirstChild();
    assertEquals("A0", span.getAttributeNS(TEXT, "style-name"));
    Element h2 = elements(content, TEXT, "h").get(1);
    assertEquals("A1", ((Element) h2.getFirstChild()).getAttributeNS(TEXT, "style-name"));
    String all = text(content.getDocumentElement());
    assertTrue(all.contains("Contributors■ Alice Dupré■ Bob « B » Noël"), all);
  }
}
