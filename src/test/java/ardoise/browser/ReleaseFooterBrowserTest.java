package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.ProjectVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The home page's footer: the running version and the licence, in the person's language, on a phone too. */
class ReleaseFooterBrowserTest extends PadServerBrowserTest {

  @Test
  void theFooterShowsTheVersionAndTheLicenceOnAPhone() {
    BrowserSession phone = browser(360, 740, "fr-FR");
    phone.open(server.url("/"));
    WebElement footer = phone.driver().findElement(By.cssSelector("footer.home-footer"));
    phone.driver().executeScript("arguments[0].scrollIntoView({block: 'end'});", footer);
    String expected = "Ardoise " + ProjectVersion.ofPom() + " · Logiciel libre sous licence Apache 2.0";
    phone.await().until(d -> footer.getText().equals(expected));
    long pageWidth = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth;");
    assertTrue(pageWidth <= 360, "the footer does not widen the page: " + pageWidth);
    phone.screenshot("home-footer-fr-phone");

    phone.driver().findElement(By.id("language")).sendKeys("English");
    phone.await().until(d -> footer.getText().equals("Ardoise " + ProjectVersion.ofPom() + " · Free software under the Apache 2.0 licence"));
    assertEquals(List.of(), phone.consoleErrors());
  }
}
