package ardoise.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility rule engine, run inside a test's page. The pinned copy comes from a
 * test-scoped WebJar and is injected by WebDriver (which no Content-Security-Policy restricts), so the
 * server never serves it.
 */
final class Axe {
  private static final String SOURCE = load("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

  private Axe() {}

  /**
   * Every violation on the page as it is now, whatever its impact (minor ones included: they are
   * cheap to fix while the page is fresh in mind), one line each: page label, rule, impact, help text
   * and the offending elements' selectors. Empty when the page passes.
   */
  static List<String> violations(BrowserSession browser, String label) {
    JavascriptExecutor js = browser.driver();
    js.executeScript(SOURCE);
    Object result = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'] })"
            + "  .then(r => done(r.violations"
            + "    .map(v => ({ id: v.id, impact: v.impact, help: v.help,"
            + "                 targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' ')) }))))"
            + "  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));");
    List<String> lines = new ArrayList<>();
    for (Object o : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) o;
      lines.add(label + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help") + " " + v.get("targets"));
    }
    return lines;
  }

  private static String load(String resource) {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing: the axe-core WebJar is a test dependency");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
