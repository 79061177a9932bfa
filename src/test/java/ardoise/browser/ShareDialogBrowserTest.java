package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.share.LanAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The share dialog and the projector's join corner of a pad the facilitator opened through
 * localhost: links on the server's LAN address (fixed interfaces), the note saying why, another
 * address to pick, readable captions.
 */
class ShareDialogBrowserTest extends PadServerBrowserTest {

  private static PadServer lanServer() throws Exception {
    return PadServer.start(Map.of(), LanAddresses.fixed(List.of(
        new LanAddresses.Nic("wlan0", true, false, false, List.of(InetAddress.getByName("192.168.1.20"))),
        new LanAddresses.Nic("eth0", true, false, false, List.of(InetAddress.getByName("10.0.0.5"))))));
  }

  private static WebElement openShare(BrowserSession browser) {
    browser.driver().findElement(By.id("open-share")).click();
    WebElement edit = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("share-edit")));
    browser.await().until(d -> !edit.getDomProperty("value").isEmpty());
    browser.await().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
        "const q = document.getElementById('share-qr'); return q.complete && q.naturalWidth > 0;")));
    return edit;
  }

  @Test
  void onLocalhostTheLinksUseTheLanAddressAndSayWhy() throws Exception {
    try (PadServer lan = lanServer()) {
      lan.store("réunion-tours", "Ordre du jour"); // stored under an older spelling: its name keeps the accent
      int port = Integer.parseInt(lan.url("").replaceAll(".*:", ""));
      BrowserSession phone = browser(360, 740, "fr-FR");
      new PadPage(phone).open(lan.localhostUrl("/p/r%C3%A9union-tours"), "Camille", 0).awaitOnline();
      WebElement edit = openShare(phone);
      assertEquals("http://192.168.1.20:" + port + "/p/r%C3%A9union-tours", edit.getDomProperty("value"));
      WebElement note = phone.driver().findElement(By.id("share-lan-note"));
      assertTrue(note.isDisplayed());
      assertEquals("Ce lien utilise l’adresse de l’ordinateur sur le réseau local : les téléphones connectés au même "
          + "Wi-Fi peuvent rejoindre le pad.", note.getText());
      WebElement caption = phone.driver().findElement(By.id("share-qr-caption"));
      assertEquals("192.168.1.20:" + port + "/p/réunion-tours", caption.getText(), "readable, not %-encoded");
      assertTrue(phone.driver().findElement(By.id("share-qr")).getDomProperty("src")
          .endsWith("/p/r%C3%A9union-tours/qr.svg?host=192.168.1.20%3A" + port));
      assertTrue(phone.driver().findElement(By.id("share-read")).getDomProperty("value").startsWith("http://192.168.1.20:" + port + "/r/"));
      phone.screenshot("share-dialog-lan-phone");

      Select address = new Select(phone.driver().findElement(By.id("share-address")));
      assertEquals(List.of("192.168.1.20:" + port, "10.0.0.5:" + port), address.getOptions().stream().map(WebElement::getText).toList());
      address.selectByValue("10.0.0.5:" + port);
      phone.await().until(d -> edit.getDomProperty("value").equals("http://10.0.0.5:" + port + "/p/r%C3%A9union-tours"));
      phone.await().until(d -> caption.getText().equals("10.0.0.5:" + port + "/p/réunion-tours"));
      assertTrue(phone.driver().findElement(By.id("share-qr")).getDomProperty("src").endsWith("?host=10.0.0.5%3A" + port));
      assertEquals(List.of(), phone.consoleErrors());

      BrowserSession desktop = browser(1280, 800, "en-GB");
      new PadPage(desktop).open(lan.localhostUrl("/p/r%C3%A9union-tours"), "Jo", 1).awaitOnline();
      openShare(desktop);
      assertEquals("This link uses the computer’s address on the local network so phones on the same Wi-Fi can join.",
          desktop.driver().findElement(By.id("share-lan-note")).getText());
      desktop.screenshot("share-dialog-lan-desktop");

      ViewerPage projector = new ViewerPage(browser(1280, 720, "fr-FR")).open(lan.localhostUrl("/p/r%C3%A9union-tours/projector"));
      projector.awaitUntil("the join corner on the LAN address",
          () -> projector.find("#join-url").getText().replace("\n", "").equals("192.168.1.20:" + port + "/p/réunion-tours"));
      projector.browser().screenshot("projector-join-lan");
    }
  }

  @Test
  void onTheLanAddressItselfNoNoteIsShown() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    new PadPage(browser).open(server.directUrl("совет"), "Camille", 0).awaitOnline();
    WebElement edit = openShare(browser);
    assertTrue(edit.getDomProperty("value").endsWith("/p/%D1%81%D0%BE%D0%B2%D0%B5%D1%82"));
    assertFalse(browser.driver().findElement(By.id("share-lan-note")).isDisplayed());
    assertTrue(browser.driver().findElement(By.id("share-qr-caption")).getText().endsWith("/p/совет"));
    assertTrue(browser.driver().findElements(By.id("share-mixed-scripts")).isEmpty(), "one alphabet: no warning");
  }

  /** "ѕecret" with a Cyrillic "ѕ" passes for "secret": the dialog says so before the link goes out. */
  @Test
  void aNameMixingAlphabetsIsFlagged() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    new PadPage(browser).open(server.directUrl("\u0455ecret"), "Camille", 0).awaitOnline();
    openShare(browser);
    WebElement warning = browser.driver().findElement(By.id("share-mixed-scripts"));
    assertTrue(warning.isDisplayed());
    assertTrue(warning.getText().contains("mélange des alphabets"), warning.getText());
    browser.screenshot("share-dialog-mixed-scripts-phone");
  }

  /** A pad nobody wrote in has no read-only link yet: the dialog says when it will come, then shows it. */
  @Test
  void theReadOnlyLinkAppearsWithTheFirstEdit() {
    BrowserSession phone = browser(360, 740, "fr-FR");
    PadPage pad = new PadPage(phone).open(server.directUrl("tout-neuf"), "Camille", 0).awaitOnline();
    WebElement edit = openShare(phone);
    assertTrue(edit.getDomProperty("value").endsWith("/p/tout-neuf"));
    WebElement read = phone.driver().findElement(By.id("share-read"));
    WebElement hint = phone.driver().findElement(By.id("share-read-hint"));
    assertEquals("", read.getDomProperty("value"));
    assertFalse(read.isEnabled());
    assertFalse(phone.driver().findElement(By.cssSelector("[data-copy=share-read]")).isEnabled());
    assertEquals("Le lien en lecture seule apparaîtra dès que le pad contiendra du texte : rouvrez ce panneau après "
        + "la première modification.", hint.getText());
    phone.screenshot("share-dialog-empty-pad-phone");
    phone.driver().findElement(By.cssSelector("#share-dialog .share-close")).click();

    pad.type("Ordre du jour").awaitSynchronized();
    openShare(phone);
    phone.await().until(d -> read.getDomProperty("value").contains("/r/"));
    assertTrue(read.isEnabled());
    assertEquals("Ce lien montre le texte en direct sans permettre de le modifier.", hint.getText());
    phone.screenshot("share-dialog-after-first-edit-phone");
    assertEquals(List.of(), phone.consoleErrors());
  }
}
