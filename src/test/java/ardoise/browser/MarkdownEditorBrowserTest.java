package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * Markdown while writing: headings, bold and italic styled with their syntax characters dimmed,
 * wrapped list items hanging under their text, beside the authorship colours; the formatting
 * toolbar and shortcuts write Markdown through the OT binding (a second page receives it); the
 * toolbar on a 360 px touch phone.
 */
class MarkdownEditorBrowserTest extends PadServerBrowserTest {

  /** Computed style of the first text node whose text is exactly {@code text}. */
  private static final String STYLE_OF = """
      const walker = document.createTreeWalker(document.querySelector('.cm-content'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data !== arguments[0]) continue;
        const s = getComputedStyle(node.parentElement);
        return { size: parseFloat(s.fontSize), weight: Number(s.fontWeight), italic: s.fontStyle === 'italic',
                 color: s.color };
      }
      return null;
      """;

  // Left edge of the item's first text character and of the first character of its second
  // visual line (null when the line does not wrap).
  private static final String HANG = """
      const walker = document.createTreeWalker(document.querySelector('.cm-content'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.data.startsWith(arguments[0])) continue;
        const rect = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
        const first = rect(0);
        for (let i = 1; i < node.data.length; i++) {
          const r = rect(i);
          if (r.top > first.top + first.height / 2 && node.data[i] !== ' ') return [first.left, r.left];
        }
        return null;
      }
      return null;
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> styleOf(PadPage page, String text) {
    Map<String, Object> style = (Map<String, Object>) page.js(STYLE_OF, text);
    assertNotNull(style, "no text node '" + text + "'");
    return style;
  }

  private static double number(Map<String, Object> style, String key) {
    return ((Number) style.get(key)).doubleValue();
  }

  @Test
  void markdownLooksLikeMarkdownBesideAuthorColours() {
    PadPage page = new PadPage(browser(1280, 800, "fr-FR")).open(server.directUrl("apparence-" + System.nanoTime()), "Camille", 2)
        .awaitOnline();
    page.focus();
    page.type("# Titre", Keys.ENTER, "du texte **gras** et *penché*", Keys.ENTER,
        "- Un point assez long pour passer à la ligne : la réunion commence à neuf heures, on parle du budget, "
            + "des ateliers de printemps, du local et de la fête de fin d'année avec tous les bénévoles.");
    page.awaitSynchronized();

    Map<String, Object> body = styleOf(page, "du texte ");
    Map<String, Object> title = styleOf(page, "Titre");
    assertTrue(number(title, "size") > number(body, "size") * 1.3, "heading " + title + " body " + body);
    assertTrue(number(title, "weight") >= 700 && number(body, "weight") < 600, "heading " + title + " body " + body);

    Map<String, Object> bold = styleOf(page, "gras");
    Map<String, Object> stars = styleOf(page, "**");
    assertTrue(number(bold, "weight") >= 700, "bold " + bold);
    assertTrue(number(stars, "weight") < 600, "stars " + stars);
    assertNotEquals(body.get("color"), stars.get("color"), "the ** are dimmed");
    assertEquals(body.get("color"), bold.get("color"));
    assertTrue((Boolean) styleOf(page, "penché").get("italic"));

    @SuppressWarnings("unchecked")
    List<Number> hang = (List<Number>) page.js(HANG, "Un point");
    assertNotNull(hang, "the list item wraps");
    assertEquals(hang.get(0).doubleValue(), hang.get(1).doubleValue(), 1.5, "wrapped line starts under the item's text");

    assertTrue(page.browser().driver().findElements(By.cssSelector(".cm-author")).size() >= 1, "authorship still shown");
    page.screenshot("markdown-fr-desktop-light");
    assertEquals(List.of(), page.browser().consoleErrors());
  }

  private static void press(PadPage page, String format) {
    page.browser().driver().findElement(By.cssSelector(".format-toolbar [data-format=" + format + "]")).click();
  }

  private static CharSequence[] selectLine() {
    return new CharSequence[] {Keys.END, Keys.chord(Keys.SHIFT, Keys.HOME)};
  }

  @Test
  void toolbarButtonsWriteMarkdownThatReachesOtherMembers() {
    String pad = "boutons-" + System.nanoTime();
    PadPage writer = new PadPage(browser(1280, 800, "fr-FR")).open(server.directUrl(pad), "Camille", 2).awaitOnline();
    PadPage reader = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    writer.focus();
    writer.type("Titre");
    press(writer, "heading");
    press(writer, "heading");
    writer.type(Keys.END, Keys.ENTER, "mot");
    writer.type(selectLine());
    press(writer, "bold");
    writer.type(Keys.END, Keys.ENTER, "autre");
    writer.type(selectLine());
    press(writer, "italic");
    writer.type(Keys.END, Keys.ENTER, "un", Keys.ENTER, "deux", Keys.ENTER, "trois");
    writer.type(Keys.chord(Keys.SHIFT, Keys.UP), Keys.chord(Keys.SHIFT, Keys.UP), Keys.chord(Keys.SHIFT, Keys.HOME));
    press(writer, "bullet");
    writer.awaitUntil("bulleted", () -> writer.text().endsWith("- un\n- deux\n- trois"));
    press(writer, "number");
    writer.type(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "acheter le pain", Keys.ENTER, "réserver la salle");
    writer.type(Keys.chord(Keys.SHIFT, Keys.UP), Keys.chord(Keys.SHIFT, Keys.HOME));
    press(writer, "check");
    writer.type(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "le site");
    writer.type(selectLine());
    press(writer, "link");
    writer.type("https://exemple.org");

    String expected = "## Titre\n**mot**\n*autre*\n1. un\n2. deux\n3. trois\n- [ ] acheter le pain\n- [ ] réserver la salle\n"
        + "[le site](https://exemple.org)";
    writer.awaitUntil("formatted", () -> expected.equals(writer.text()));
    writer.awaitSynchronized();
    reader.awaitUntil("showing the formatted text", () -> expected.equals(reader.text()));

    // Toggling back: the buttons remove what they added.
    writer.type(Keys.chord(Keys.CONTROL, Keys.HOME), Keys.DOWN);
    writer.type(selectLine());
    press(writer, "bold");
    writer.type(Keys.END, Keys.DOWN, Keys.DOWN, Keys.chord(Keys.SHIFT, Keys.DOWN), Keys.chord(Keys.SHIFT, Keys.DOWN));
    press(writer, "number");
    String toggled = "## Titre\nmot\n*autre*\nun\ndeux\ntrois\n- [ ] acheter le pain";
    writer.awaitUntil("unformatted", () -> writer.text().startsWith(toggled));
    reader.awaitUntil("showing the unformatted text", () -> reader.text().startsWith(toggled));
    assertTrue(reader.browser().driver().findElements(By.cssSelector(".cm-remote-label")).size() >= 1,
        "the writer's caret still shows");
    writer.screenshot("markdown-toolbar-fr-desktop");
    assertEquals(List.of(), writer.browser().consoleErrors());
    assertEquals(List.of(), reader.browser().consoleErrors());
  }

  @Test
  void shortcutsFormatTheSelection() {
    PadPage page = new PadPage(browser(1280, 800, "en-GB")).open(server.directUrl("raccourcis-" + System.nanoTime()), "Sam", 1)
        .awaitOnline();
    page.focus();
    page.type("word", Keys.chord(Keys.SHIFT, Keys.HOME), Keys.chord(Keys.CONTROL, "b"));
    page.awaitUntil("bold", () -> "**word**".equals(page.text()));
    page.type(Keys.chord(Keys.CONTROL, "b"), Keys.chord(Keys.CONTROL, "i"));
    page.awaitUntil("italic", () -> "*word*".equals(page.text()));
    page.type(Keys.END, Keys.ENTER, "Heading", Keys.chord(Keys.CONTROL, Keys.ALT, "2"));
    page.awaitUntil("heading 2", () -> page.text().endsWith("\n## Heading"));
    page.type(Keys.chord(Keys.CONTROL, Keys.ALT, "1"));
    page.awaitUntil("heading 1", () -> page.text().endsWith("\n# Heading"));
    page.type(Keys.chord(Keys.CONTROL, Keys.ALT, "1"));
    page.awaitUntil("heading removed", () -> page.text().endsWith("\nHeading"));
    page.type(Keys.ENTER, "docs", Keys.chord(Keys.SHIFT, Keys.HOME), Keys.chord(Keys.CONTROL, "k"), "https://x.org");
    page.awaitUntil("link", () -> page.text().endsWith("\n[docs](https://x.org)"));
    page.awaitSynchronized();
    assertEquals(List.of(), page.browser().consoleErrors());
  }

  private static void tap(PadPage page, WebElement element) {
    PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
    org.openqa.selenium.Rectangle r = element.getRect();
    Sequence tap = new Sequence(finger, 0)
        .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
            r.x + r.width / 2, r.y + r.height / 2))
        .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
        .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    page.browser().driver().perform(List.of(tap));
  }

  @Test
  void toolbarFitsAPhoneAndKeepsTheKeyboard() {
    PadPage page = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl("mobile-" + System.nanoTime()), "Zoé", 3)
        .awaitOnline();
    page.focus();
    page.type("# Compte rendu", Keys.ENTER, "On **décide** de *tout* noter.", Keys.ENTER,
        "- [ ] une tâche assez longue pour passer à la ligne sur un téléphone", Keys.ENTER, "mot");
    page.type(Keys.chord(Keys.SHIFT, Keys.HOME));

    List<WebElement> buttons = page.browser().driver().findElements(By.cssSelector(".format-toolbar button"));
    assertEquals(9, buttons.size());
    for (WebElement button : buttons) {
      assertTrue(button.getSize().height >= 40 && button.getSize().width >= 40, "touch target " + button.getSize());
      assertTrue(!button.getDomAttribute("aria-label").isBlank() && !button.getDomAttribute("title").isBlank());
    }
    assertEquals("Gras", page.browser().driver().findElement(By.cssSelector("[data-format=bold]")).getDomAttribute("aria-label"));
    assertEquals(360L, page.js("return document.documentElement.scrollWidth;"), "the page is not wider than the phone");
    WebElement toolbar = page.browser().driver().findElement(By.cssSelector(".format-toolbar"));
    assertTrue(toolbar.getRect().x >= 0 && toolbar.getRect().x + toolbar.getRect().width <= 360, "toolbar " + toolbar.getRect());

    tap(page, page.browser().driver().findElement(By.cssSelector("[data-format=bold]")));
    page.awaitUntil("bold by tap", () -> page.text().endsWith("\n**mot**"));
    assertEquals(Boolean.TRUE, page.js("return document.activeElement === document.querySelector('.cm-content');"),
        "the editor keeps the focus (the phone keyboard stays open)");
    page.type(Keys.END, " !");
    page.awaitUntil("typing goes on", () -> page.text().endsWith("\n**mot** !"));
    page.screenshot("markdown-fr-phone-light");
    assertEquals(List.of(), page.browser().consoleErrors());
  }
}
