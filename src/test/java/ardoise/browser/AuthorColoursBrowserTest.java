package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Colours tell who wrote what: text of someone who left keeps that person's colour for a newcomer
 * who never met them, and the newcomer gets a colour of their own.
 */
class AuthorColoursBrowserTest extends PadServerBrowserTest {
  private static final List<Integer> VIOLET = List.of(0x5e, 0x35, 0xb1); // swatch 6
  private static final List<Integer> BLUE = List.of(0x0b, 0x57, 0xd0); // swatch 5
  private static final Pattern CHANNELS = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

  /** The red, green and blue of a CSS colour value ("rgb(…)" or "rgba(…)"). */
  private static List<Integer> rgb(String css) {
    Matcher m = CHANNELS.matcher(css);
    if (!m.find()) throw new AssertionError("not a colour: " + css);
    return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** The underline colour of every authorship span of {@code authorId} shown on the page. */
  private static List<List<Integer>> textColours(PadPage page, String authorId) {
    List<List<Integer>> out = new ArrayList<>();
    for (WebElement span : page.browser().driver().findElements(By.cssSelector(".cm-author[data-author='" + authorId + "']"))) {
      out.add(rgb(span.getCssValue("border-bottom-color")));
    }
    return out;
  }

  private static String authorId(PadPage page) {
    return (String) page.js("return window.ardoisePad.authorId();");
  }

  private static List<Integer> ownDotColour(PadPage page) {
    return rgb(page.browser().driver().findElement(By.cssSelector("#edit-profile .profile-dot")).getCssValue("background-color"));
  }

  @Test
  void aNewcomerSeesTheTextOfSomeoneWhoLeftInThatPersonsColourAndGetsAnotherOne() {
    String pad = "couleurs-" + System.nanoTime();
    BrowserSession aliceBrowser = browser(1000, 700, "fr-FR");
    PadPage alice = new PadPage(aliceBrowser).open(server.directUrl(pad), "Alice", 6).awaitOnline();
    PadPage bruno = new PadPage(browser(1000, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    alice.focus().type("Alice ouvre la séance. ");
    alice.awaitSynchronized();
    bruno.awaitSynchronized(server.head(pad));
    bruno.focus().toEnd().type("Bruno prend les notes.");
    bruno.awaitSynchronized();
    String aliceId = authorId(alice);

    aliceBrowser.close();
    browsers.remove(aliceBrowser);
    bruno.awaitUntil("alone on the pad", () -> bruno.participantNames().size() == 1);

    BrowserSession carolBrowser = browser(360, 740, "fr-FR"); // a phone, which never met Alice
    server.openPadAs(carolBrowser, pad, "Carole");
    PadPage carol = new PadPage(carolBrowser).awaitSynchronized(server.head(pad));
    carol.awaitUntil("Alice's text in her violet",
        () -> !textColours(carol, aliceId).isEmpty() && textColours(carol, aliceId).stream().allMatch(VIOLET::equals));
    List<Integer> carolColour = ownDotColour(carol);
    assertNotEquals(VIOLET, carolColour, "Carole did not pick a colour: she gets none of Alice's, who left");
    assertNotEquals(BLUE, carolColour, "nor Bruno's, who is here");
    assertEquals(List.of(BLUE), textColours(carol, authorId(bruno)).stream().distinct().toList());

    carol.focus().toEnd().type(" Carole arrive.");
    carol.awaitSynchronized();
    String carolId = authorId(carol);
    carol.awaitUntil("Carole's text in her colour", () -> !textColours(carol, carolId).isEmpty());
    assertEquals(List.of(carolColour), textColours(carol, carolId).stream().distinct().toList());
    bruno.awaitSynchronized(server.head(pad));
    bruno.awaitUntil("Carole's text in her colour for Bruno too",
        () -> textColours(bruno, carolId).stream().distinct().toList().equals(List.of(carolColour)));
    assertFalse(textColours(bruno, aliceId).isEmpty());
    assertEquals(List.of(VIOLET), textColours(bruno, aliceId).stream().distinct().toList());
    carol.screenshot("colours-newcomer-phone");
    bruno.screenshot("colours-bruno-desktop");
    assertEquals(List.of(), carolBrowser.consoleErrors());
  }
}
