package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page whose network really goes away (a TCP proxy between it and the server refuses or swallows
 * its connections): it says so, keeps typing, survives a reload while offline, and catches up
 * exactly once when the network comes back. Bruno's page talks to the server directly.
 */
class OfflineBrowserTest extends PadServerBrowserTest {
  /** Runs before the base class closes the browsers. */
  @AfterEach
  void restoreNetwork() {
    server.proxy().restore().await();
  }

  private PadPage person(String url, String name, int color) {
    return new PadPage(browser(1100, 700, "fr-FR")).open(url, name, color).awaitOnline();
  }

  @Test
  void aCutPageKeepsTypingAndCatchesUpAfterReconnect() {
    String pad = "coupure-" + System.nanoTime();
    PadPage amelie = person(server.proxiedUrl(pad), "Amélie", 0);
    PadPage bruno = person(server.directUrl(pad), "Bruno", 5);
    amelie.focus().type("avant la coupure. ");
    amelie.awaitSynchronized();

    int refusedBefore = server.proxy().refusedCount();
    server.proxy().cut().await();
    amelie.awaitUntil("showing the lost connection", () -> !"connected".equals(amelie.statusConnection()));
    amelie.type("pendant la coupure, é à ");
    amelie.insertText("🙂");
    amelie.type(" fin.");
    bruno.focus().toStart().type("Bruno en ligne. ");
    bruno.awaitSynchronized();
    // The network stays away while the page tries to reconnect, in vain, twice.
    amelie.awaitUntil("failing to reconnect twice", () -> server.proxy().refusedCount() >= refusedBefore + 2);
    assertTrue(amelie.pending(), "Amélie's text waits");
    // The first unsaved character shows at once, a growing count at most once a second (a live region).
    amelie.awaitUntil("the count of unsaved characters", () -> amelie.statusText().contains("pas encore enregistrés"));
    amelie.screenshot("cut-amelie-offline");

    server.proxy().restore().await();
    amelie.awaitSynchronized();
    long head = server.head(pad);
    amelie.awaitSynchronized(head);
    bruno.awaitSynchronized(head);
    amelie.screenshot("cut-amelie-back");

    String expected = "Bruno en ligne. avant la coupure. pendant la coupure, é à 🙂 fin.";
    assertEquals(expected, server.text(pad));
    assertEquals(expected, amelie.text());
    assertEquals(expected, bruno.text());
  }

  @Test
  void aSilentlyDeadSocketIsDetectedAndShown() {
    String pad = "trou-noir-" + System.nanoTime();
    PadPage amelie = person(server.proxiedUrl(pad), "Amélie", 0);
    amelie.focus().type("un ");
    amelie.awaitSynchronized();

    server.proxy().blackHole(); // the socket stays open but nothing gets through, like a stalled Wi-Fi
    amelie.type("deux ");
    amelie.awaitUntil("showing the dead connection", () -> !"connected".equals(amelie.statusConnection()));
    amelie.screenshot("blackhole-amelie-detected");

    server.proxy().restore().await();
    amelie.awaitUntil("synchronized with the server", () -> "un deux ".equals(server.text(pad)) && !amelie.pending());
    assertEquals("un deux ", amelie.text());
  }

  @Test
  void aPageReloadedWhileOfflineKeepsItsTextAndDeliversItOnce() {
    String pad = "recharge-" + System.nanoTime();
    PadPage amelie = person(server.proxiedUrl(pad), "Amélie", 0);
    amelie.awaitUntil("ready offline", () -> "true".equals(amelie.js("return document.documentElement.dataset.offlineReady;")));
    amelie.focus().type("en ligne. ");
    amelie.awaitSynchronized();

    server.proxy().cut().await();
    amelie.type("tapé hors ligne. ");
    amelie.browser().driver().navigate().refresh();
    amelie.awaitUntil("restored from this browser", () -> "en ligne. tapé hors ligne. ".equals(amelie.text()));
    amelie.focus().toEnd().type("après rechargement.");
    amelie.screenshot("reload-offline-amelie");
    assertTrue(amelie.pending());
    assertEquals("en ligne. ", server.text(pad));

    server.proxy().restore().await();
    amelie.awaitSynchronized();
    amelie.awaitSynchronized(server.head(pad));
    String expected = "en ligne. tapé hors ligne. après rechargement.";
    assertEquals(expected, server.text(pad));
    assertEquals(expected, amelie.text());

    PadPage bruno = person(server.directUrl(pad), "Bruno", 5);
    bruno.awaitSynchronized(server.head(pad));
    assertEquals(expected, bruno.text());
    amelie.screenshot("reload-offline-amelie-back");

    // An ordinary reload, online: the tab resumes from its rev (a replay), sending nothing again.
    amelie.browser().driver().navigate().refresh();
    bruno.focus().toEnd().type(" Bruno.");
    bruno.awaitSynchronized();
    long head = server.head(pad);
    amelie.awaitSynchronized(head);
    assertEquals(expected + " Bruno.", amelie.text());
    assertEquals(expected + " Bruno.", server.text(pad));
    assertEquals(head, server.head(pad), "the reloaded tab sent nothing twice");
  }
}
