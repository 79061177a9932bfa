package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Phones: a 360 px page types the way phone keyboards do (IME composition with predictive text,
 * an accent chosen during composition, autocorrect replacing a committed word), through Chromium's
 * own input pipeline (CDP Input.imeSetComposition / Input.insertText), while a desktop page writes
 * elsewhere; both end with the server's text. The editor and the projector fit 360 px.
 */
class MobileInputBrowserTest extends PadServerBrowserTest {
  /** One composition step: the IME shows {@code text} underlined, caret at its end. */
  private static void compose(PadPage page, String text) {
    page.browser().driver().executeCdpCommand("Input.imeSetComposition",
        Map.of("text", text, "selectionStart", text.length(), "selectionEnd", text.length()));
  }

  @Test
  void phoneKeyboardInputConvergesWithADesktopPage() {
    String pad = "telephone-" + System.nanoTime();
    PadPage phone = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Zoé", 3).awaitOnline();
    PadPage desktop = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    assertEquals(360L, phone.js("return window.innerWidth;"));

    phone.focus();
    for (String step : List.of("B", "Bo", "Bon", "Bonj", "Bonjour")) compose(phone, step); // predictive text
    phone.insertText("Bonjour ");
    phone.type(Keys.ENTER);

    compose(phone, "c");
    compose(phone, "ca");
    compose(phone, "caf");
    phone.awaitSynchronized();
    desktop.awaitSynchronized(server.head(pad));
    // A remote edit on the line being composed arrives mid-composition (the phone's client has it;
    // its editor shows it once the word is committed, see composition-guard.js). Without that
    // guard Chromium duplicated the word: "[ordi] cafécafé".
    desktop.focus().toEnd().type(Keys.HOME, "[ordi] ");
    desktop.awaitSynchronized();
    long withDesktopEdit = server.head(pad);
    phone.awaitUntil("receiving the desktop's edit", () -> phone.rev() == withDesktopEdit);
    compose(phone, "cafe");
    compose(phone, "café"); // the accent picked on the keyboard's long press
    phone.insertText("café ");
    phone.awaitSynchronized();
    phone.awaitUntil("showing the desktop's edit", () -> phone.text().equals("Bonjour \n[ordi] café "));
    for (String step : List.of("t", "te", "teh")) compose(phone, step);
    phone.insertText("the "); // autocorrect: the keyboard commits another word than it composed
    phone.insertText("fin");
    phone.awaitSynchronized();
    desktop.toEnd().type(" !");
    desktop.awaitSynchronized();

    long head = server.head(pad);
    phone.awaitSynchronized(head);
    desktop.awaitSynchronized(head);
    String expected = "Bonjour \n[ordi] café the fin !";
    assertEquals(expected, server.text(pad));
    assertEquals(expected, phone.text());
    assertEquals(expected, desktop.text());
    phone.screenshot("phone-editor");
    assertTrue(fitsWidth(phone.browser()), "no horizontal overflow on 360 px");
    assertEquals(List.of(), phone.browser().consoleErrors());
  }

  @Test
  void aRemoteEditOnTheLineBeingComposedDoesNotBreakTheWord() {
    String pad = "composition-" + System.nanoTime();
    PadPage phone = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Zoé", 3).awaitOnline();
    PadPage desktop = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    desktop.focus().type("ligne un");
    desktop.awaitSynchronized();
    phone.awaitSynchronized(server.head(pad));
    phone.focus().toEnd().type(Keys.ENTER);
    phone.awaitSynchronized();
    compose(phone, "c");
    compose(phone, "ca");
    compose(phone, "caf");
    // Mid-composition, the desktop writes at the start of the line being composed. Without
    // composition-guard.js Chromium duplicated the word: "ligne un\n[ordi] cafécafé".
    desktop.toEnd().type(Keys.ARROW_DOWN, Keys.HOME, "[ordi] ");
    desktop.awaitSynchronized();
    long head = server.head(pad);
    phone.awaitUntil("receiving the desktop's edit", () -> phone.rev() == head);
    compose(phone, "cafe");
    compose(phone, "café");
    phone.insertText("café");
    phone.awaitSynchronized();
    long end = server.head(pad);
    desktop.awaitSynchronized(end);
    assertEquals("ligne un\n[ordi] café", server.text(pad));
    assertEquals(server.text(pad), phone.text());
    assertEquals(server.text(pad), desktop.text());
  }

  @Test
  void theProjectorFitsAPhone() {
    String pad = "projo-tel-" + System.nanoTime();
    PadPage desktop = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    desktop.focus().type("Idées du groupe : une, deux, trois, et une phrase assez longue pour passer à la ligne.");
    desktop.awaitSynchronized();
    ViewerPage projector = new ViewerPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad) + "/projector");
    projector.awaitText(desktop.text());
    projector.awaitUntil("showing the QR code", () -> Boolean.TRUE.equals(projector.js(
        "const i = document.getElementById('join-qr'); return i.complete && i.naturalWidth > 0;")));
    projector.browser().screenshot("phone-projector");
    assertTrue(fitsWidth(projector.browser()), "no horizontal overflow on 360 px");
    assertTrue(projector.find("#font-larger").isDisplayed() && projector.find("#theme-toggle").isDisplayed());
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  private static boolean fitsWidth(BrowserSession browser) {
    return Boolean.TRUE.equals(browser.driver().executeScript(
        "return document.documentElement.scrollWidth <= window.innerWidth"
            + " && [...document.querySelectorAll('header *, footer *, aside *')].every(e => e.getBoundingClientRect().right <= window.innerWidth + 0.5);"));
  }
}
