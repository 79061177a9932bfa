package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error pages: the site's look, French for French browsers and English otherwise, a way back; the favicon. */
class ErrorPagesTest {
  private final ServerFixture server = ServerFixture.start(Map.of());
  private final HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private HttpCalls.Answer get(String uri, String acceptLanguage) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (acceptLanguage != null) headers.add("Accept-Language", acceptLanguage);
    return http.get(uri, headers);
  }

  private static void assertStyledPage(HttpCalls.Answer page, String lang) {
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    String html = page.text();
    assertTrue(html.startsWith("<!doctype html><html lang=\"" + lang + "\">"), html);
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/css/ardoise.css\">"), html);
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/css/error-page.css\">"), html);
    assertTrue(html.contains("<link rel=\"icon\" href=\"/favicon.svg\""), html);
    assertTrue(html.contains("<header class=\"topbar\"><a class=\"brand\" href=\"/\">Ardoise</a></header>"), html);
    assertTrue(html.contains("name=\"viewport\""), html);
    assertEquals(lang, page.headers().get("Content-Language"));
  }

  @Test
  void anUnknownAddressGetsAStyledPageInTheBrowsersLanguage() {
    HttpCalls.Answer fr = get("/nothing-here", "fr-FR,fr;q=0.9,en;q=0.8");
    assertEquals(404, fr.status());
    assertStyledPage(fr, "fr");
    assertTrue(fr.text().contains("<h1>Page introuvable</h1>"), fr.text());
    assertTrue(fr.text().contains("Il n’y a rien à cette adresse."), fr.text());
    assertTrue(fr.text().contains("<a class=\"button-secondary\" href=\"/\">Accueil</a>"), fr.text());
    assertFalse(fr.text().contains("Page not found") || fr.text().contains("nothing is served"), "wholly French: " + fr.text());

    for (String english : new String[] {"en-GB,en;q=0.9", "de-DE", null}) {
      HttpCalls.Answer en = get("/nothing-here", english);
      assertEquals(404, en.status());
      assertStyledPage(en, "en");
      assertTrue(en.text().contains("<h1>Page not found</h1>"), en.text());
      assertTrue(en.text().contains("<a class=\"button-secondary\" href=\"/\">Home</a>"), en.text());
    }
  }

  @Test
  void aBadPadNameIsExplainedWithoutEchoingIt() {
    HttpCalls.Answer fr = get("/p/%3Cscript%3Ealert(1)", "fr");
    assertEquals(400, fr.status());
    assertStyledPage(fr, "fr");
    assertTrue(fr.text().contains("<h1>Nom de pad invalide</h1>"), fr.text());
    assertTrue(fr.text().contains("de 1 à 64 caractères"), fr.text());
    assertFalse(fr.text().contains("<script>") || fr.text().contains("Retour au pad"), fr.text());
    HttpCalls.Answer en = get("/p/a.b/projector", "en-US");
    assertTrue(en.text().contains("<h1>Invalid pad name</h1>"), en.text());
  }

  @Test
  void aBadRevisionLeadsBackToThePad() {
    WsClient a = server.connect("retour-%E4%BC%9A");
    a.join(ServerFixture.newClientId());
    a.op(0, 1, "x");
    a.next("ack");
    HttpCalls.Answer fr = get("/p/retour-%E4%BC%9A/export/txt?rev=9", "fr-CA");
    assertEquals(400, fr.status());
    assertStyledPage(fr, "fr");
    assertTrue(fr.text().contains("<h1>Révision invalide</h1>"), fr.text());
    assertTrue(fr.text().contains("<a class=\"button-primary\" href=\"/p/retour-%E4%BC%9A\">Retour au pad <span class=\"error-pad\">retour-会</span></a>"), fr.text());
    HttpCalls.Answer en = get("/p/retour-%E4%BC%9A/export/txt?rev=9", "en");
    assertTrue(en.text().contains("Back to the pad <span class=\"error-pad\">retour-会</span>"), en.text());
    assertTrue(en.text().contains("revision 9 does not exist: this pad has revisions 0 to 1"), "the English page adds the detail: " + en.text());
    HttpCalls.Answer format = get("/p/retour-%E4%BC%9A/export/exe", "fr");
    assertEquals(404, format.status());
    assertTrue(format.text().contains("Format d’export inconnu") && format.text().contains("Retour au pad"), format.text());
  }

  @Test
  void anUnknownReadOnlyLinkNamesNoPad() {
    HttpCalls.Answer fr = get("/r/AAAAAAAAAAAAAAAAAAAAAA", "fr");
    assertEquals(404, fr.status());
    assertStyledPage(fr, "fr");
    assertTrue(fr.text().contains("<h1>Lien inconnu</h1>"), fr.text());
    assertFalse(fr.text().contains("/p/"), fr.text());
  }

  @Test
  void theFaviconIsServedInBothForms() {
    HttpCalls.Answer ico = http.get("/favicon.ico");
    assertEquals(200, ico.status());
    assertTrue(ico.contentType().startsWith("image/"), ico.contentType());
    byte[] bytes = ico.body().getBytes();
    assertEquals(0, bytes[0]);
    assertEquals(0, bytes[1]);
    assertEquals(1, bytes[2], "an ICO file starts 00 00 01 00");
    HttpCalls.Answer svg = http.get("/favicon.svg");
    assertEquals(200, svg.status());
    assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
  }
}
