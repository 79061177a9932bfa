package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.share.QrDecoder;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * The read-only link in a browser: live text, no way to edit, forged ops refused, not listed as
 * a participant; the links endpoint's URLs work; the editor's share dialog shows them.
 */
class ReadOnlyBrowserTest extends PadServerBrowserTest {
  @Test
  void theLinksWork() throws Exception {
    String pad = "liens-" + System.nanoTime();
    Links.importText(server, pad, "Ordre du jour", "Import"); // a pad gets its read-only link with its first edit
    JsonObject links = Links.of(server, pad);
    for (String key : List.of("edit", "readOnly", "projector", "qr", "readOnlyQr")) {
      assertEquals(200, Links.get(links.getString(key)).statusCode(), key + " " + links.getString(key));
    }
    assertEquals(server.directUrl(pad), links.getString("edit"));
    assertEquals(links.getString("edit"), QrDecoder.decode(Links.get(links.getString("qr")).body()));
  }

  @Test
  void theReadOnlyPageShowsLiveTextAndNothingCanEditIt() {
    String pad = "lecture-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Compte rendu de l’atelier");
    amelie.awaitSynchronized();
    String readOnly = Links.of(server, pad).getString("readOnly");

    ViewerPage reader = new ViewerPage(browser(1100, 700, "fr-FR")).open(readOnly);
    reader.awaitText("Compte rendu de l’atelier");
    assertEquals("false", reader.find(".cm-content").getAttribute("contenteditable"));
    assertFalse(reader.browser().driver().getPageSource().contains(pad), "the read-only page never learns the pad name");
    reader.awaitUntil("counting Amélie and the reader", () -> reader.find("#participant-count").getText().equals("2 personnes connectées"));

    new Actions(reader.browser().driver()).click(reader.find(".cm-content")).sendKeys("PIRATÉ").perform();
    reader.browser().driver().executeCdpCommand("Input.insertText", Map.of("text", "ENCORE"));
    amelie.toEnd().type(" — suite");
    amelie.awaitSynchronized();
    reader.awaitText("Compte rendu de l’atelier — suite");
    assertEquals("Compte rendu de l’atelier — suite", server.text(pad));
    assertEquals(List.of("Amélie"), amelie.participantNames(), "the reader is not listed");
    reader.browser().screenshot("read-only");

    Object refused = reader.browser().driver().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws' + location.pathname);"
            + "ws.onopen = () => ws.send(JSON.stringify({type: 'join', secret: 'forger-0123456789ab', name: 'x'}));"
            + "ws.onmessage = (e) => { const m = JSON.parse(e.data);"
            + "  if (m.type === 'joined') ws.send(JSON.stringify({type: 'op', rev: m.rev, seq: 1, op: [-m.text.length, 'piraté']}));"
            + "  if (m.type === 'error') done(m.code + ' seq ' + m.seq); };");
    assertEquals("read-only seq 1", refused);
    amelie.type(" fin");
    amelie.awaitSynchronized();
    reader.awaitText("Compte rendu de l’atelier — suite fin");
    assertEquals("Compte rendu de l’atelier — suite fin", server.text(pad), "the forged op changed nothing");
    assertEquals(List.of(), reader.browser().consoleErrors());
  }

  @Test
  void theEditorsShareDialogShowsBothLinksAndTheQrCode() {
    String pad = "partage-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Ordre du jour : accueil, tour de table, idées.");
    amelie.awaitSynchronized();
    amelie.screenshot("editor");
    JsonObject links = Links.of(server, pad);
    assertEquals(server.directUrl(pad) + "/projector",
        amelie.browser().driver().findElement(By.id("open-projector")).getAttribute("href"));
    amelie.browser().driver().findElement(By.id("open-share")).click();
    amelie.awaitUntil("showing the links", () -> links.getString("readOnly").equals(
        amelie.browser().driver().findElement(By.id("share-read")).getDomProperty("value")));
    assertEquals(links.getString("edit"), amelie.browser().driver().findElement(By.id("share-edit")).getDomProperty("value"));
    amelie.awaitUntil("showing the QR code", () -> Boolean.TRUE.equals(amelie.js(
        "const i = document.getElementById('share-qr'); return i.complete && i.naturalWidth > 0;")));
    assertEquals("Copier le lien en lecture seule",
        amelie.browser().driver().findElement(By.cssSelector("[data-copy=share-read]")).getAccessibleName());
    amelie.browser().driver().findElement(By.cssSelector("[data-copy=share-read]")).click();
    amelie.awaitUntil("confirming the copy", () -> !amelie.browser().driver().findElement(By.id("share-message")).getText().isEmpty());
    amelie.screenshot("share-dialog");
    amelie.browser().driver().findElement(By.cssSelector(".share-close")).click();
    assertFalse(amelie.browser().driver().findElement(By.id("share-dialog")).isDisplayed());
    assertEquals(List.of(), amelie.browser().consoleErrors());
  }
}
