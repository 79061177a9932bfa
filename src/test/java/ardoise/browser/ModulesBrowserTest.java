package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every browser module links: its imports resolve and name exports that exist. A module that asks
 * for an export another one no longer has fails to load, and with it every page that imports it —
 * node's tests cannot see it for modules that reach CodeMirror through the import map. Each module
 * is imported in a real page under the production CSP; the pages' own entry modules, which start an
 * application when imported, are left to the page tests.
 */
class ModulesBrowserTest extends PadServerBrowserTest {
  private static final Pattern ENTRY = Pattern.compile("type=\"module\" src=\"(/js/[^\"]+)\"");

  @Test
  void everyModuleLinks() throws IOException {
    Set<String> entries;
    try (Stream<Path> pages = Files.list(Path.of("webroot"))) {
      entries = pages.filter(p -> p.toString().endsWith(".html")).flatMap(p -> {
        try {
          Matcher m = ENTRY.matcher(Files.readString(p));
          return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toSet());
    }
    List<String> modules;
    try (Stream<Path> files = Files.walk(Path.of("webroot", "js"))) {
      modules = files.filter(p -> p.toString().endsWith(".js"))
          .map(p -> "/" + Path.of("webroot").relativize(p).toString().replace('\\', '/'))
          .filter(m -> !entries.contains(m)).sorted().toList();
    }
    assertTrue(modules.size() > 40, "found the modules: " + modules);

    BrowserSession browser = browser(1100, 700, "fr-FR");
    browser.open(server.url("/p/modules-" + System.nanoTime()));
    // The pad page only for its import map and CSP: whether its own app starts is not the point here.
    browser.await().until(d -> "complete".equals(browser.driver().executeScript("return document.readyState;")));
    Object failures = browser.driver().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "Promise.all(arguments[0].map(m => import(m).then(() => null, e => m + ': ' + e)))"
            + "  .then(r => done(r.filter(x => x)));", modules);
    assertEquals(List.of(), failures);
  }
}
