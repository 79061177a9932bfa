package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An operator deletes a pad two people have open: each tab says so in its language, stops
 * editing, keeps the text on screen with a way to save it, and does not reconnect; the read-only
 * link, the projector and the exports answer 410. An open read-only page says so too and stops.
 */
class PadDeletedBrowserTest extends PadServerBrowserTest {
  private static final String TOKEN = "operator-token-for-browsers";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() {
    server = PadServer.start(Map.of("ARDOISE_OPERATOR_TOKEN", TOKEN));
  }

  @Test
  void bothTabsStopKeepTheirTextAndSayWhy() throws Exception {
    String pad = "supprime-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    PadPage bob = new PadPage(browser(1100, 700, "en-US")).open(server.directUrl(pad), "Bob", 1).awaitOnline();
    amelie.focus().insertText("Compte rendu de l’atelier, présents : Amélie et Bob");
    amelie.awaitSynchronized();
    String minutes = amelie.text();
    assertTrue(minutes.contains("Compte rendu de l’atelier"), minutes);
    bob.awaitUntil("the minutes", () -> minutes.equals(bob.text()));
    JsonObject links = Links.of(server, pad);
    ViewerPage reader = new ViewerPage(browser(360, 740, "fr-FR")).open(links.getString("readOnly"));
    reader.browser().await().until(d -> minutes.equals(reader.text()));
    amelie.screenshot("pad-deleted-before-phone");

    HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/admin/pads/" + pad)))
        .DELETE().header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, deleted.statusCode(), deleted.body());

    for (PadPage page : new PadPage[] {amelie, bob}) {
      page.browser().await().until(d -> !d.findElements(By.id("pad-deleted")).isEmpty());
      page.awaitUntil("the deleted state", () -> "deleted".equals(page.statusConnection()));
      assertEquals("false", page.content().getAttribute("contenteditable"), "no more editing");
      assertEquals(minutes, page.text(), "the text stays on screen");
      WebElement save = page.browser().driver().findElement(By.cssSelector("#pad-deleted button"));
      assertTrue(save.isDisplayed());
    }
    String french = amelie.browser().driver().findElement(By.cssSelector("#pad-deleted p")).getText();
    assertTrue(french.startsWith("Ce pad a été supprimé du serveur"), french);
    assertEquals("Enregistrer ma copie (.md)", amelie.browser().driver().findElement(By.cssSelector("#pad-deleted button")).getText());
    String english = bob.browser().driver().findElement(By.cssSelector("#pad-deleted p")).getText();
    assertTrue(english.startsWith("This pad was deleted from the server"), english);
    assertEquals("pad supprimé", amelie.browser().driver().findElement(By.cssSelector("#status-bar .status-connection")).getText());
    reader.browser().await().until(d -> "pad supprimé".equals(reader.find("#connection").getText()));
    assertEquals(minutes, reader.text(), "the read-only page keeps its text too");
    reader.browser().screenshot("pad-deleted-after-reader");
    amelie.screenshot("pad-deleted-after-phone");
    bob.screenshot("pad-deleted-after-desktop");

    assertEquals(410, Links.get(links.getString("readOnly")).statusCode(), "read-only link");
    assertEquals(410, Links.get(links.getString("projector")).statusCode(), "projector");
    assertEquals(410, Links.get(server.url("/p/" + pad + "/export/md")).statusCode(), "export");
    assertEquals(410, Links.get(server.url("/p/" + pad + "/export/docx")).statusCode(), "export");
    assertTrue(amelie.browser().consoleErrors().stream().noneMatch(e -> e.contains("unknown connection state")),
        amelie.browser().consoleErrors().toString());
  }
}
