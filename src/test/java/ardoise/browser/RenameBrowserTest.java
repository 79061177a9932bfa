package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person on a phone corrects their name several times in a row: the others see the last name,
 * however the server paces member lists (docs/protocol.md, "Presence").
 */
class RenameBrowserTest extends PadServerBrowserTest {

  @Test
  void theOthersSeeTheLastNameOfSomeoneWhoRenamedSeveralTimes() {
    String pad = "renommer-" + System.nanoTime();
    PadPage desk = new PadPage(browser(1000, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    BrowserSession phoneBrowser = browser(360, 740, "fr-FR");
    PadPage phone = new PadPage(phoneBrowser).open(server.directUrl(pad), "Cam", 2).awaitOnline();
    desk.awaitUntil("Cam is listed", () -> desk.participantNames().contains("Cam"));
    phone.focus().type("Bonjour");
    phone.awaitSynchronized();
    desk.awaitUntil("Cam's caret is shown", () -> desk.remoteCursorLabels().equals(List.of("Cam")));

    for (String name : List.of("Cami", "Camille", "Camille D.")) rename(phoneBrowser, name);
    desk.awaitUntil("the last name is listed", () -> desk.participantNames().contains("Camille D."));
    assertEquals(List.of("Bruno", "Camille D."), desk.participantNames().stream().sorted().toList());
    desk.awaitUntil("the caret's label follows the rename", () -> desk.remoteCursorLabels().equals(List.of("Camille D.")));
    phone.screenshot("rename-phone-after-three-names");
    desk.screenshot("rename-desk-sees-last-name");
    assertEquals(List.of(), phoneBrowser.consoleErrors());
  }

  private static void rename(BrowserSession browser, String name) {
    browser.driver().findElement(By.id("edit-profile")).click();
    WebElement field = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
    field.clear();
    field.sendKeys(name);
    browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
    browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#edit-profile .profile-name"), name));
  }
}
