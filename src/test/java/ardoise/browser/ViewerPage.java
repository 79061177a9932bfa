package ardoise.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The projector or the read-only page as a person in the room sees it. Reads the text through the
 * page's read-only {@code window.ardoiseViewer} probe (CodeMirror renders only visible lines).
 */
final class ViewerPage {
  private final BrowserSession browser;

  ViewerPage(BrowserSession browser) {
    this.browser = browser;
  }

  ViewerPage open(String url) {
    browser.open(url);
    return awaitUntil("online", this::online);
  }

  BrowserSession browser() {
    return browser;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  String text() {
    return (String) js("return window.ardoiseViewer ? window.ardoiseViewer.text() : null;");
  }

  boolean online() {
    return Boolean.TRUE.equals(js("return !!(window.ardoiseViewer && window.ardoiseViewer.online());"));
  }

  boolean following() {
    return Boolean.TRUE.equals(js("return window.ardoiseViewer.following();"));
  }

  WebElement find(String css) {
    return browser.driver().findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return browser.driver().findElements(By.cssSelector(css));
  }

  /**
   * Whether a line holding {@code needle} lies inside the text's visible area: a line of the raw
   * text, or on the projector's rendered Markdown the place where {@code needle} is drawn (a text
   * node holding it: one line of a paragraph, an item, a cell).
   */
  boolean lineVisible(String needle) {
    return Boolean.TRUE.equals(js(
        "const md = document.querySelector('.md-scroller');"
            + "const inside = (r, s) => r.height > 0 && r.top >= s.top && r.bottom <= s.bottom;"
            + "if (md && !md.hidden) {"
            + "  const s = md.getBoundingClientRect();"
            + "  const walk = document.createTreeWalker(md, NodeFilter.SHOW_TEXT);"
            + "  for (let n = walk.nextNode(); n; n = walk.nextNode()) {"
            + "    const at = n.data.indexOf(arguments[0]);"
            + "    if (at < 0) continue;"
            + "    const range = document.createRange(); range.setStart(n, at); range.setEnd(n, at + arguments[0].length);"
            + "    if (inside(range.getBoundingClientRect(), s)) return true;"
            + "  }"
            + "  return false;"
            + "}"
            + "const s = document.querySelector('.cm-scroller').getBoundingClientRect();"
            + "return [...document.querySelectorAll('.cm-line')].some(l =>"
            + "  l.textContent.includes(arguments[0]) && inside(l.getBoundingClientRect(), s));", needle));
  }

  /** The text the projector draws (its rendered Markdown, or the raw text when switched to it). */
  String shownText() {
    return (String) js("return window.ardoiseViewer ? window.ardoiseViewer.shownText() : null;");
  }

  ViewerPage awaitText(String expected) {
    return awaitUntil("showing '" + abbreviate(expected) + "'", () -> expected.equals(text()));
  }

  ViewerPage awaitUntil(String what, java.util.function.BooleanSupplier condition) {
    try {
      browser.await().until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("timeout-viewer-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
      throw new AssertionError("viewer page not " + what + "; text '" + abbreviate(String.valueOf(text()))
          + "', console errors: " + browser.consoleErrors(), e);
    }
    return this;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 25) + "…" + s.substring(s.length() - 25) : s;
  }
}
