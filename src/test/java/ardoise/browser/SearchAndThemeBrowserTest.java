package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Search and replace in the page's language (Ctrl+F, replace all, usable at 360 px), and the dark
 * theme: it follows prefers-color-scheme, the switch overrides it and is remembered after a reload.
 */
class SearchAndThemeBrowserTest extends PadServerBrowserTest {

  private static void emulateColorScheme(PadPage page, String scheme) {
    page.browser().driver().executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Relative luminance (0 black – 1 white) of an element's computed background colour. */
  private static double backgroundLuminance(PadPage page, String selector) {
    return ((Number) page.js("""
        const [r, g, b] = getComputedStyle(document.querySelector(arguments[0])).backgroundColor
          .match(/[\\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
          .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        """, selector)).doubleValue();
  }

  private static String attribute(PadPage page, String selector, String name) {
    return page.browser().driver().findElement(By.cssSelector(selector)).getDomAttribute(name);
  }

  @Test
  void searchPanelSpeaksFrenchAndReplacesAll() {
    PadPage page = new PadPage(browser(1280, 800, "fr-FR")).open(server.directUrl("chercher-" + System.nanoTime()), "Camille", 2)
        .awaitOnline();
    page.focus();
    page.type("Le chat dort. Un chat mange.", Keys.ENTER, "Les chats jouent.");
    page.type(Keys.chord(Keys.CONTROL, "f"));
    WebElement find = page.browser().await().until(d -> d.findElement(By.cssSelector(".cm-search input[name=search]")));
    assertEquals("Rechercher", find.getDomAttribute("placeholder"));
    assertEquals("Remplacer par", attribute(page, ".cm-search input[name=replace]", "placeholder"));
    assertEquals("tout remplacer", page.browser().driver().findElement(By.cssSelector(".cm-search button[name=replaceAll]")).getText());
    assertEquals("fermer", attribute(page, ".cm-search button[name=close]", "aria-label"));

    find.sendKeys("chat");
    page.browser().driver().findElement(By.cssSelector(".cm-search input[name=replace]")).sendKeys("chien");
    page.browser().driver().findElement(By.cssSelector(".cm-search button[name=replaceAll]")).click();
    page.awaitUntil("replaced", () -> "Le chien dort. Un chien mange.\nLes chiens jouent.".equals(page.text()));
    page.awaitSynchronized();
    page.screenshot("search-fr-desktop");

    // Switching the page to English relabels the open panel and the toolbar.
    new Select(page.browser().driver().findElement(By.id("language"))).selectByValue("en");
    page.awaitUntil("relabelled", () -> "Find".equals(attribute(page, ".cm-search input[name=search]", "placeholder")));
    assertEquals("chat", page.browser().driver().findElement(By.cssSelector(".cm-search input[name=search]")).getDomProperty("value"));
    assertEquals("Bold", attribute(page, ".format-toolbar [data-format=bold]", "aria-label"));
    assertEquals("Bold (Ctrl+B)", attribute(page, ".format-toolbar [data-format=bold]", "title"));
    assertEquals(List.of(), page.browser().consoleErrors());
  }

  @Test
  void searchPanelFitsAPhoneAndOpensFromTheToolbar() {
    PadPage page = new PadPage(browser(360, 740, "en-US")).open(server.directUrl("search-" + System.nanoTime()), "Sam", 1)
        .awaitOnline();
    page.focus();
    page.type("one two one");
    page.browser().driver().findElement(By.cssSelector(".format-toolbar [data-format=search]")).click();
    WebElement find = page.browser().await().until(d -> d.findElement(By.cssSelector(".cm-search input[name=search]")));
    assertEquals("Find", find.getDomAttribute("placeholder"));
    assertEquals(Boolean.TRUE, page.js("return document.activeElement === arguments[0];", find));
    assertEquals(360L, page.js("return document.documentElement.scrollWidth;"));
    assertEquals(Boolean.TRUE, page.js("const p = document.querySelector('.cm-search');"
        + "return [...p.querySelectorAll('input, button, label')].every((e) => e.getBoundingClientRect().right <= 360);"),
        "every control of the search panel is on screen");
    page.screenshot("search-en-phone");
    assertEquals(List.of(), page.browser().consoleErrors());
  }

  @Test
  void darkThemeFollowsTheSystemAndTheSwitchWinsAfterReload() {
    String pad = "sombre-" + System.nanoTime();
    PadPage page = new PadPage(browser(1280, 800, "fr-FR"));
    emulateColorScheme(page, "dark");
    page.open(server.directUrl(pad), "Camille", 2).awaitOnline();
    page.focus();
    page.type("# Compte rendu", Keys.ENTER, "On **décide** de *tout* noter.", Keys.ENTER, "- [ ] envoyer le compte rendu");
    page.awaitSynchronized();
    assertEquals("auto", page.js("return document.documentElement.dataset.theme;"));
    assertTrue(backgroundLuminance(page, "body") < 0.05, "dark page");
    assertTrue(backgroundLuminance(page, ".cm-editor") < 0.05, "dark editor");
    assertEquals("Thème\u00a0: automatique (celui de l’appareil)", attribute(page, "#theme-switch", "aria-label"));
    page.screenshot("theme-fr-desktop-dark");

    WebElement toggle = page.browser().driver().findElement(By.id("theme-switch"));
    toggle.click(); // auto -> light
    assertEquals("Thème\u00a0: clair", attribute(page, "#theme-switch", "aria-label"));
    assertTrue(backgroundLuminance(page, ".cm-editor") > 0.9, "light editor although the system is dark");
    page.open(server.directUrl(pad), "Camille", 2).awaitOnline();
    assertEquals("light", page.js("return document.documentElement.dataset.theme;"), "remembered after reload");
    assertTrue(backgroundLuminance(page, ".cm-editor") > 0.9);

    page.browser().driver().findElement(By.id("theme-switch")).click(); // light -> dark
    emulateColorScheme(page, "light");
    assertTrue(backgroundLuminance(page, ".cm-editor") < 0.05, "dark editor although the system is light");
    page.open(server.directUrl(pad), "Camille", 2).awaitOnline();
    assertEquals("dark", page.js("return document.documentElement.dataset.theme;"));
    assertTrue(backgroundLuminance(page, "body") < 0.05);
    assertEquals(List.of(), page.browser().consoleErrors());
  }

  @Test
  void darkThemeOnAPhone() {
    PadPage page = new PadPage(browser(360, 740, "fr-FR"));
    emulateColorScheme(page, "dark");
    page.open(server.directUrl("nuit-" + System.nanoTime()), "Zoé", 3).awaitOnline();
    page.focus();
    page.type("# Compte rendu", Keys.ENTER, "On **décide** de *tout* noter.", Keys.ENTER,
        "- [ ] une tâche assez longue pour passer à la ligne sur un téléphone", Keys.ENTER, "1. premier point");
    page.awaitSynchronized();
    assertTrue(backgroundLuminance(page, ".cm-editor") < 0.05);
    assertTrue(backgroundLuminance(page, ".format-toolbar") < 0.05);
    assertEquals(360L, page.js("return document.documentElement.scrollWidth;"));
    page.screenshot("markdown-fr-phone-dark");
    assertEquals(List.of(), page.browser().consoleErrors());
  }
}
