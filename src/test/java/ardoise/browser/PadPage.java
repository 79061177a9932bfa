package ardoise.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * One person on a pad page, driven as a person would: the name prompt, typing in the editor, the
 * status bar and the participant list. Reads the editor's text through the page's read-only
 * {@code window.ardoisePad} probe, since CodeMirror only renders the visible lines.
 */
final class PadPage {
  private final BrowserSession browser;

  PadPage(BrowserSession browser) {
    this.browser = browser;
  }

  /** Opens {@code url}, answers the name prompt if it shows, and waits until the editor exists. */
  PadPage open(String url, String name, int colorIndex) {
    browser.open(url);
    browser.await().until(d -> !d.findElements(By.cssSelector("dialog#profile-dialog[open], .cm-content")).isEmpty());
    List<WebElement> dialog = browser.driver().findElements(By.cssSelector("dialog#profile-dialog[open]"));
    if (!dialog.isEmpty()) {
      WebElement input = browser.driver().findElement(By.id("profile-name"));
      input.clear();
      input.sendKeys(name);
      browser.driver().findElements(By.cssSelector("fieldset.swatches label.swatch")).get(colorIndex).click();
      browser.driver().findElement(By.cssSelector("form.profile-form button[type=submit]")).click();
    }
    browser.await().until(d -> !d.findElements(By.cssSelector(".cm-content")).isEmpty());
    return this;
  }

  BrowserSession browser() {
    return browser;
  }

  WebElement content() {
    return browser.driver().findElement(By.cssSelector(".cm-content"));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  String text() {
    return (String) js("return window.ardoisePad ? window.ardoisePad.text() : null;");
  }

  boolean online() {
    return Boolean.TRUE.equals(js("return !!(window.ardoisePad && window.ardoisePad.online());"));
  }

  boolean pending() {
    return Boolean.TRUE.equals(js("return !!(window.ardoisePad && window.ardoisePad.pending());"));
  }

  long rev() {
    Object rev = js("return window.ardoisePad ? window.ardoisePad.rev() : -1;");
    return rev == null ? -1 : ((Number) rev).longValue();
  }

  PadPage awaitOnline() {
    return awaitUntil("online", () -> online());
  }

  /** Waits until this page is joined, has nothing unacknowledged, and has seen revision {@code head}. */
  PadPage awaitSynchronized(long head) {
    return awaitUntil("synchronized at rev " + head, () -> online() && !pending() && rev() == head);
  }

  PadPage awaitSynchronized() {
    return awaitUntil("synchronized", () -> online() && !pending());
  }

  /** Waits for {@code condition}; on timeout the failure tells what the page showed and logged. */
  PadPage awaitUntil(String what, java.util.function.BooleanSupplier condition) {
    try {
      browser.await().until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("timeout-" + what.replace(' ', '-'));
      throw new AssertionError("page not " + what + "; status bar: '" + statusText() + "', rev " + rev()
          + ", pending " + pending() + ", console errors: " + browser.consoleErrors(), e);
    }
    return this;
  }

  /** Types with real key events (BMP characters: ChromeDriver cannot send others as keys). */
  PadPage type(CharSequence... keys) {
    content().sendKeys(keys);
    return this;
  }

  /** Inserts text as an input method would commit it (any character, emoji included). */
  PadPage insertText(String text) {
    browser.driver().executeCdpCommand("Input.insertText", Map.of("text", text));
    return this;
  }

  PadPage focus() {
    new Actions(browser.driver()).click(content()).perform();
    return this;
  }

  PadPage toEnd() {
    return type(Keys.chord(Keys.CONTROL, Keys.END));
  }

  PadPage toStart() {
    return type(Keys.chord(Keys.CONTROL, Keys.HOME));
  }

  String statusConnection() {
    return browser.driver().findElement(By.id("status-bar")).getAttribute("data-connection");
  }

  /** What the status bar says of the connection and the saving (the chat's button left out). */
  /** The connection and save state the status bar shows (not the chat button nor the pad's deletion date). */
  String statusText() {
    return (String) js("return [...document.getElementById('status-bar').children]"
        + ".filter(c => !c.classList.contains('chat-toggle') && !c.classList.contains('status-deletes'))"
        + ".map(c => c.innerText.trim()).filter(t => t).join('\\n');");
  }

  List<String> participantNames() {
    return browser.driver().findElements(By.cssSelector("#participant-list .participant-name"))
        .stream().map(WebElement::getText).toList();
  }

  List<String> remoteCursorLabels() {
    return browser.driver().findElements(By.cssSelector(".cm-remote-label"))
        .stream().map(e -> e.getAttribute("data-name")).toList();
  }

  /** The text before the first remote caret shown in the editor, or null when none is shown. */
  String textBeforeRemoteCaret() {
    return (String) js("const c = document.querySelector('.cm-remote-caret'); if (!c) return null;"
        + "const r = document.createRange(); r.setStart(document.querySelector('.cm-content'), 0);"
        + "r.setEndBefore(c); return r.toString();");
  }

  void screenshot(String name) {
    browser.screenshot(name);
  }
}
