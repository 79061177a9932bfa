package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat beside the pad, as people see it: two pages, a late joiner, a phone, refusals, exports. */
class ChatBrowserTest extends PadServerBrowserTest {
  private static final String XSS = "<img src=x onerror=alert(1)>";

  private static PadPage open(BrowserSession browser, String pad, String name, int color) {
    return new PadPage(browser).open(server.directUrl(pad), name, color).awaitOnline();
  }

  private static WebElement find(PadPage page, String css) {
    return page.browser().driver().findElement(By.cssSelector(css));
  }

  private static List<String> texts(PadPage page) {
    return page.browser().driver().findElements(By.cssSelector("#chat .chat-text")).stream()
        .map(e -> (String) page.js("return arguments[0].textContent;", e)).toList();
  }

  private static void say(PadPage page, String text) {
    WebElement input = find(page, "#chat-input");
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
    page.awaitUntil("chat sent", () -> "".equals(find(page, "#chat-input").getAttribute("value"))
        || !find(page, ".chat-error").getText().isEmpty());
  }

  private static void awaitTexts(PadPage page, List<String> expected) {
    page.awaitUntil("showing chat " + expected, () -> texts(page).equals(expected));
  }

  private static boolean chatShown(PadPage page) {
    return find(page, "#chat").isDisplayed();
  }

  @Test
  void twoPagesChatALateJoinerSeesTheHistoryAndExportsHoldNone() {
    String pad = "chat-bureau";
    PadPage alice = open(browser(1100, 700, "fr-FR"), pad, "Alice", 1);
    PadPage bruno = open(browser(1100, 700, "en-US"), pad, "Bruno", 4);
    assertTrue(chatShown(alice), "open by default on a wide screen");
    alice.focus().type("Ordre du jour");
    alice.awaitSynchronized();

    say(alice, "Pause à 10 h ?");
    say(bruno, XSS);
    List<String> both = List.of("Pause à 10 h ?", XSS);
    awaitTexts(alice, both);
    awaitTexts(bruno, both);
    for (PadPage page : List.of(alice, bruno)) {
      assertEquals(0L, page.js("return document.querySelectorAll('#chat img').length;"), "the sample is text, not an image");
      String time = find(page, "#chat .chat-message:last-child .chat-time").getText();
      assertTrue(time.matches("\\d{2}[:h]\\d{2}.*"), time);
    }
    assertEquals(List.of("Alice", "Bruno"), bruno.browser().driver().findElements(By.cssSelector("#chat .chat-name"))
        .stream().map(WebElement::getText).toList());
    alice.screenshot("chat-desktop");

    PadPage carol = open(browser(1100, 700, "fr-FR"), pad, "Carol", 6);
    awaitTexts(carol, both);
    assertEquals("", find(carol, ".chat-unread").getText(), "the history is not news");

    for (String format : List.of("txt", "md", "html")) {
      String export = (String) carol.browser().driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch('/p/" + pad + "/export/" + format + "').then(r => r.text()).then(done);");
      assertTrue(export.contains("Ordre du jour"), format + ": " + export);
      assertFalse(export.contains("Pause") || export.contains("onerror"), format + " holds the chat: " + export);
    }
  }

  @Test
  void onAPhoneThePanelStartsClosedCountsUnreadAndNeverWidensThePage() {
    String pad = "chat-telephone";
    PadPage desk = open(browser(1100, 700, "fr-FR"), pad, "Bruno", 4);
    StringBuilder longPad = new StringBuilder();
    for (int i = 1; i <= 60; i++) longPad.append("Point ").append(i).append(" : une ligne de compte rendu assez longue pour un téléphone\n");
    desk.focus().insertText(longPad.toString());
    desk.awaitSynchronized();
    PadPage phone = open(browser(360, 740, "fr-FR"), pad, "Zoé", 2);
    assertFalse(chatShown(phone), "closed at first on a phone");
    phone.screenshot("chat-phone-closed");

    say(desk, "Qui prend la suite ?");
    say(desk, "Et un mot très long : " + "anticonstitutionnellement".repeat(4));
    phone.awaitUntil("2 unread", () -> "2".equals(find(phone, ".chat-unread").getText()));
    assertTrue(find(phone, ".chat-toggle").getAttribute("aria-label").contains("2 messages non lus"));

    find(phone, ".chat-toggle").click();
    phone.awaitUntil("chat open", () -> chatShown(phone));
    assertEquals("", find(phone, ".chat-unread").getText());
    awaitTexts(phone, List.of("Qui prend la suite ?", "Et un mot très long : " + "anticonstitutionnellement".repeat(4)));
    say(phone, "Moi !");
    awaitTexts(desk, List.of("Qui prend la suite ?", "Et un mot très long : " + "anticonstitutionnellement".repeat(4), "Moi !"));
    assertEquals(360L, phone.js("return document.documentElement.scrollWidth;"), "the page got wider than the phone");
    assertTrue((Long) phone.js("return document.querySelector('#chat').getBoundingClientRect().right;") <= 360);
    assertTrue(find(phone, ".cm-editor").isDisplayed(), "the pad stays visible above the chat");
    phone.screenshot("chat-phone-open");

    find(phone, ".chat-close").click();
    phone.awaitUntil("chat closed", () -> !chatShown(phone));
    assertEquals("true", phone.js("return String(document.activeElement.classList.contains('chat-toggle'));"));
  }

  /** The projector shows the chat (as text) only once the facilitator switches it on. */
  @Test
  void theProjectorShowsTheChatOnlyWhenAsked() {
    String pad = "chat-projecteur";
    PadPage zoe = open(browser(1100, 700, "fr-FR"), pad, "Zoé", 1);
    BrowserSession wall = browser(1280, 720, "fr-FR");
    ViewerPage projector = new ViewerPage(wall).open(server.directUrl(pad) + "/projector");
    say(zoe, XSS);
    WebElement toggle = wall.driver().findElement(By.id("chat-overlay-toggle"));
    assertEquals(1, wall.driver().findElements(By.id("chat-overlay-toggle")).size());
    assertEquals("false", toggle.getAttribute("aria-pressed"));
    WebElement box = wall.driver().findElement(By.cssSelector(".chat-overlay"));
    projector.awaitUntil("the message reached the projector", () -> box.getAttribute("textContent").contains(XSS));
    assertFalse(box.isDisplayed(), "off by default: side remarks stay off the wall");
    toggle.click();
    wall.await().until(d -> box.isDisplayed());
    assertEquals("Zoé : " + XSS, box.getText());
    assertEquals(0L, projector.js("return document.querySelectorAll('.chat-overlay img').length;"));
    wall.screenshot("chat-projector-on");
  }

  @Test
  void refusalsAreShownInThePanelAndTheTextIsKept() {
    String pad = "chat-refus";
    // One new message a minute: the burst is spent before any refill, however slow the machine.
    try (PadServer slow = PadServer.start(java.util.Map.of("ARDOISE_CHAT_PER_MINUTE", "1"))) {
      PadPage alice = new PadPage(browser(1100, 700, "fr-FR")).open(slow.directUrl(pad), "Alice", 1).awaitOnline();
      alice.js("const input = document.getElementById('chat-input'); input.value = 'x'.repeat(1001);");
      find(alice, "#chat-input").sendKeys(Keys.ENTER);
      alice.awaitUntil("too long shown", () -> find(alice, ".chat-error").getText().contains("trop long"));
      assertEquals(1001L, alice.js("return document.getElementById('chat-input').value.length;"), "the text is kept");
      alice.js("document.getElementById('chat-input').value = '';");

      for (int i = 1; i <= 5; i++) say(alice, "message " + i); // the burst (ARDOISE_CHAT_BURST = 5)
      say(alice, "un de trop");
      alice.awaitUntil("rate limit shown", () -> find(alice, ".chat-error").getText().contains("Trop de messages"));
      assertEquals("un de trop", find(alice, "#chat-input").getAttribute("value"));
      assertEquals(5, texts(alice).size());
      assertTrue(alice.statusText().startsWith("connecté"), "the status bar stays quiet: " + alice.statusText());
      alice.screenshot("chat-refused");
    }
  }
}
