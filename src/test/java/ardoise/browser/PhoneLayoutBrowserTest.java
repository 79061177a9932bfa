package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pad, read-only and history pages on a 360×740 touch phone with a pad several screens long: a
 * swipe scrolls the text, the header and the status bar stay on screen and usable, nothing is wider
 * than the screen, the on-screen keyboard (a shorter viewport) does not hide the line being typed,
 * and a phone turned sideways still shows a useful height of text.
 */
class PhoneLayoutBrowserTest extends PadServerBrowserTest {
  private static final int SECTIONS = 60;

  /** About twenty phone screens of minutes: headings, sentences that wrap, bullet points. */
  private static String longMinutes() {
    StringBuilder text = new StringBuilder("# Compte rendu de l’atelier\n\n");
    for (int i = 1; i <= SECTIONS; i++) {
      text.append("## Section ").append(i).append('\n')
          .append("Le groupe ").append(i).append(" a discuté des idées proposées et noté ce qui reste à faire avant la pause.\n")
          .append("- action ").append(i).append(" : écrire la suite\n\n");
    }
    return text.toString();
  }

  private static String padWithLongText(String prefix) {
    String pad = prefix + "-" + System.nanoTime();
    Links.importText(server, pad, longMinutes(), "Import");
    return pad;
  }

  private static Object js(BrowserSession browser, String script, Object... args) {
    return browser.driver().executeScript(script, args);
  }

  /** The page is no wider than the screen and no header or status element sticks out of it. */
  static boolean fitsWidth(BrowserSession browser) {
    return overflowing(browser, "header *, footer *, aside *").isEmpty();
  }

  /**
   * Why the page is wider than the screen: its width and the visible elements that stick out (the part
   * an ancestor clips, like an ellipsis's hidden end, does not count), or "" when all fits.
   */
  static String overflowing(BrowserSession browser, String css) {
    return (String) js(browser,
        "const visible = (e) => { const r = e.getBoundingClientRect(); let left = r.left, right = r.right;"
            + "  for (let a = e.parentElement; a; a = a.parentElement) {"
            + "    if (getComputedStyle(a).overflowX === 'visible') continue;"
            + "    const c = a.getBoundingClientRect(); left = Math.max(left, c.left); right = Math.min(right, c.right); }"
            + "  return [left, right]; };"
            + "const out = [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length)"
            + "  .map(e => [e, visible(e)]).filter(([e, [l, r]]) => r > l && (l < -0.5 || r > innerWidth + 0.5))"
            + "  .map(([e, [l, r]]) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(l) + '..' + Math.round(r));"
            + "const w = document.documentElement.scrollWidth;"
            + "return w <= innerWidth && out.length === 0 ? '' : 'page ' + w + ' px wide; ' + out.join(', ');", css);
  }

  /** Whether a person touching the centre of {@code css} touches it (not something covering it), on screen. */
  static boolean reachable(BrowserSession browser, String css) {
    return Boolean.TRUE.equals(js(browser,
        "const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();"
            + "const x = r.left + r.width / 2, y = r.top + r.height / 2;"
            + "if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;"
            + "const hit = document.elementFromPoint(x, y); return hit !== null && e.contains(hit);", css));
  }

  /** The text of the rendered line under the point (x, y), or null. */
  private static String lineAt(BrowserSession browser, int x, int y) {
    return (String) js(browser, "const e = document.elementFromPoint(arguments[0], arguments[1]);"
        + "const line = e && e.closest('.cm-line, .history-text'); return line ? line.textContent + '@' + line.getBoundingClientRect().top : null;", x, y);
  }

  /** A finger swiping up from (x, fromY) to (x, toY): the text should move up under it. */
  static void swipeUp(BrowserSession browser, int x, int fromY, int toY) {
    touch(browser, "touchStart", x, fromY);
    for (int step = 1; step <= 8; step++) touch(browser, "touchMove", x, fromY + (toY - fromY) * step / 8);
    browser.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
  }

  private static void touch(BrowserSession browser, String type, int x, int y) {
    browser.driver().executeCdpCommand("Input.dispatchTouchEvent",
        Map.of("type", type, "touchPoints", List.of(Map.of("x", x, "y", y))));
  }

  /** The phone's screen changes size (turned sideways, or the keyboard takes part of it). */
  static void resizeScreen(BrowserSession browser, int width, int height, boolean landscape) {
    browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true,
        "screenOrientation", Map.of("type", landscape ? "landscapePrimary" : "portraitPrimary", "angle", landscape ? 90 : 0)));
    browser.await().until(d -> Long.valueOf(height).equals(js(browser, "return Math.round(visualViewport.height);")));
  }

  /** Waits until the text no longer moves (a swipe leaves a fling that runs on for a while). */
  private static void awaitTextAtRest(BrowserSession browser) {
    Object[] last = {null};
    browser.await().pollingEvery(java.time.Duration.ofMillis(300)).withMessage("the text comes to rest").until(d -> {
      Object now = js(browser, "return document.querySelector('.cm-scroller').scrollTop;");
      boolean still = now.equals(last[0]);
      last[0] = now;
      return still;
    });
  }

  /** Swipes up over the middle of the text until the line under the finger changes. */
  private static void assertSwipeScrolls(BrowserSession browser) {
    String before = lineAt(browser, 180, 400);
    swipeUp(browser, 180, 560, 260);
    browser.await().withMessage("a swipe moves the text").until(d -> {
      String now = lineAt(browser, 180, 400);
      return now != null && !now.equals(before);
    });
  }

  @Test
  void thePadScrollsByTouchAndKeepsItsHeaderAndStatusOnScreen() {
    String pad = padWithLongText("telephone-long");
    // A long name: the profile chip shortens it rather than pushing the language off the screen.
    PadPage phone = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Marie-Christine Dupont-Lefebvre", 3).awaitOnline();
    BrowserSession browser = phone.browser();
    phone.awaitUntil("showing the long text", () -> phone.text() != null && phone.text().contains("Section " + SECTIONS));
    browser.screenshot("phone-pad-long-top");
    assertEquals(360L, js(browser, "return innerWidth;"));
    assertEquals("", overflowing(browser, "header *, footer *, aside *"));
    for (String css : List.of("#pad-title", "#edit-profile", "#export-menu > summary", "#open-share", "#language", "#status-bar", ".participants")) {
      assertTrue(reachable(browser, css), css + " is on screen and touchable");
    }

    assertSwipeScrolls(browser);
    assertSwipeScrolls(browser);
    browser.screenshot("phone-pad-long-swiped");
    assertTrue(fitsWidth(browser));
    for (String css : List.of("#pad-title", "#edit-profile", "#language", "#status-bar")) {
      assertTrue(reachable(browser, css), css + " is still on screen after the swipe");
    }
    assertEquals(0L, js(browser, "return Math.round(scrollY);"), "the page itself does not scroll away");

    awaitTextAtRest(browser); // a tap during a fling only stops the fling, on a phone as in Chromium
    browser.driver().findElement(By.cssSelector("#export-menu > summary")).click();
    browser.await().until(d -> d.findElement(By.cssSelector("#export-menu .export-panel")).isDisplayed());
    browser.screenshot("phone-pad-export-menu");
    assertTrue((Boolean) js(browser, "return document.querySelector('#export-menu .export-panel').getBoundingClientRect().top"
        + " >= document.querySelector('header').getBoundingClientRect().bottom - 1;"), "the menu opens under the top bar");
    assertTrue(reachable(browser, "#export-menu .import-file input"), "the menu's Import entry is on screen");
    assertTrue(fitsWidth(browser));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void theKeyboardDoesNotHideTheLineBeingTyped() {
    String pad = padWithLongText("clavier");
    PadPage phone = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Zoé", 3).awaitOnline();
    BrowserSession browser = phone.browser();
    phone.awaitUntil("showing the long text", () -> phone.text() != null && phone.text().contains("Section " + SECTIONS));
    // The person taps a line low on the screen, where the keyboard will come up.
    WebElement low = (WebElement) js(browser, "const bar = document.getElementById('status-bar').getBoundingClientRect().top;"
        + "return [...document.querySelectorAll('.cm-line')].filter(l => l.textContent.length > 10"
        + "  && l.getBoundingClientRect().bottom < bar - 4).at(-1);");
    String lineText = low.getText();
    assertTrue((Long) js(browser, "return Math.round(arguments[0].getBoundingClientRect().top);", low) > 500L,
        "the line chosen sits low on the screen");
    new Actions(browser.driver()).moveToElement(low).click().perform();
    resizeScreen(browser, 360, 400, false); // the keyboard takes 340 px
    try {
      browser.await().until(d -> caretVisible(browser));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("the caret's line is not visible above the keyboard: " + js(browser,
          "return JSON.stringify({caret: window.ardoisePad.caretRect(), header: document.querySelector('header').getBoundingClientRect().bottom,"
              + " status: document.getElementById('status-bar').getBoundingClientRect().top, visual: visualViewport.height,"
              + " inner: innerHeight, focus: document.hasFocus(), active: document.activeElement.className,"
              + " scrollTop: document.querySelector('.cm-scroller').scrollTop});"), e);
    }
    phone.insertText("ajouté");
    browser.screenshot("phone-pad-keyboard");
    assertTrue(caretVisible(browser));
    assertTrue((Boolean) js(browser, "return document.activeElement.closest('.cm-content') !== null;"));
    assertTrue(phone.text().contains(lineText.substring(0, 10)));
    assertTrue(reachable(browser, "#pad-title") && reachable(browser, "#status-bar"));
    assertTrue(fitsWidth(browser));
  }

  /**
   * The caret lies between the header and the status bar, inside the visual viewport. Read from the
   * editor's own geometry: whether the cursor is drawn depends on the window having the system's
   * focus, which a headless browser among others may not have.
   */
  private static boolean caretVisible(BrowserSession browser) {
    return Boolean.TRUE.equals(js(browser,
        "const r = window.ardoisePad.caretRect(); if (!r) return false;"
            + "const top = document.querySelector('header').getBoundingClientRect().bottom;"
            + "const bottom = Math.min(document.getElementById('status-bar').getBoundingClientRect().top, visualViewport.height);"
            + "return r.bottom > r.top && r.top >= top && r.bottom <= bottom;"));
  }

  @Test
  void aPhoneTurnedSidewaysShowsMoreThan180PixelsOfText() {
    String pad = padWithLongText("paysage");
    PadPage phone = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Zoé", 3).awaitOnline();
    BrowserSession browser = phone.browser();
    phone.awaitUntil("showing the long text", () -> phone.text() != null && phone.text().contains("Section " + SECTIONS));
    resizeScreen(browser, 740, 360, true);
    browser.await().until(d -> Long.valueOf(740).equals(js(browser, "return innerWidth;")));
    browser.screenshot("phone-pad-landscape");
    long textHeight = (Long) js(browser, "const s = document.querySelector('.cm-scroller').getBoundingClientRect();"
        + "const top = Math.max(s.top, document.querySelector('header').getBoundingClientRect().bottom);"
        + "const bottom = Math.min(s.bottom, document.getElementById('status-bar').getBoundingClientRect().top, innerHeight);"
        + "return Math.round(bottom - top);");
    assertTrue(textHeight > 180, "text height in landscape: " + textHeight + " px");
    assertTrue(fitsWidth(browser));
    assertTrue(reachable(browser, "#status-bar") && reachable(browser, "#pad-title") && reachable(browser, "#language"));
  }

  @Test
  void theReadOnlyPageScrollsByTouchAndFitsThePhone() {
    String pad = padWithLongText("lecture-long");
    ViewerPage reader = new ViewerPage(browser(360, 740, "fr-FR")).open(Links.of(server, pad).getString("readOnly"));
    BrowserSession browser = reader.browser();
    reader.awaitUntil("showing the long text", () -> reader.text() != null && reader.text().contains("Section " + SECTIONS));
    browser.screenshot("phone-read-only-long");
    assertEquals("", overflowing(browser, "header *, footer *, aside *"));
    assertTrue(reachable(browser, "#status-bar") && reachable(browser, "#language") && reachable(browser, ".read-only-badge"));
    assertSwipeScrolls(browser);
    assertTrue(reachable(browser, "#status-bar") && reachable(browser, "#language"));
    assertTrue(fitsWidth(browser));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void theHistoryPageScrollsByTouchAndFitsThePhone() {
    String pad = padWithLongText("histoire-longue");
    BrowserSession browser = browser(360, 740, "fr-FR");
    browser.open(server.url("/p/" + pad + "/history"));
    browser.await().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    browser.await().until(d -> ((String) js(browser, "return document.getElementById('history-text').textContent;"))
        .contains("Section " + SECTIONS));
    browser.screenshot("phone-history-long");
    assertEquals("", overflowing(browser, "header *, footer *, aside *"));
    assertEquals("", overflowing(browser, ".history-controls *, main *"), "the history's controls and text fit");
    long before = (Long) js(browser, "return Math.round(scrollY);");
    swipeUp(browser, 180, 600, 200);
    browser.await().withMessage("a swipe scrolls the history").until(d -> (Long) js(browser, "return Math.round(scrollY);") > before);
    assertTrue(fitsWidth(browser));
    assertEquals(List.of(), browser.consoleErrors());
  }
}
