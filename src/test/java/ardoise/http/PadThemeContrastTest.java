package ardoise.http;

import static ardoise.http.ProjectorContrastTest.ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 contrast of the pad page's light and dark themes (webroot/css/ardoise.css and
 * pad-theme.css): text, secondary text, dimmed Markdown marks and links at least 4.5:1 on the paper
 * and the page, and on every author colour's tint (22 % of a palette colour over the paper, as
 * js/editor/authorship.js paints it); borders at least 3:1 in the dark theme. The dark theme is
 * written twice in pad-theme.css (chosen, or followed from the system): both copies are equal.
 */
class PadThemeContrastTest {
  private static final Pattern VAR = Pattern.compile("--([a-z-]+):\\s*#([0-9a-fA-F]{6});");
  private static final Pattern PALETTE = Pattern.compile("\"#([0-9a-fA-F]{6})\"");
  private static final double AUTHOR_TINT = 0.22;

  private static String css(String name) throws IOException {
    return Files.readString(Path.of("webroot", "css", name));
  }

  private static String block(String css, String selector) {
    int start = css.indexOf(selector + " {");
    assertTrue(start >= 0, "no block " + selector);
    return css.substring(start, css.indexOf('}', start));
  }

  private static Map<String, String> vars(String... blocks) {
    Map<String, String> vars = new HashMap<>();
    for (String block : blocks) {
      Matcher m = VAR.matcher(block);
      while (m.find()) vars.put(m.group(1), m.group(2));
    }
    return vars;
  }

  private static List<String> palette() throws IOException {
    List<String> colors = new ArrayList<>();
    String js = Files.readString(Path.of("webroot", "js", "editor", "colors.js"));
    int start = js.indexOf("PALETTE = [");
    Matcher m = PALETTE.matcher(js.substring(start, js.indexOf("];", start)));
    while (m.find()) colors.add(m.group(1));
    assertEquals(10, colors.size());
    return colors;
  }

  static String blend(String color, String under, double alpha) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      int c = Integer.parseInt(color.substring(2 * i, 2 * i + 2), 16);
      int u = Integer.parseInt(under.substring(2 * i, 2 * i + 2), 16);
      out.append(String.format("%02x", Math.round(alpha * c + (1 - alpha) * u)));
    }
    return out.toString();
  }

  private static Map<String, Map<String, String>> themes() throws IOException {
    String theme = css("pad-theme.css");
    String dark = block(theme, ":root[data-theme=\"dark\"]");
    String auto = block(theme, ":root:not([data-theme=\"light\"])");
    assertEquals(dark.substring(dark.indexOf('{')), auto.substring(auto.indexOf('{')).replaceAll("\n  ", "\n"),
        "the dark theme's two copies differ");
    Map<String, String> light = vars(block(css("ardoise.css"), ":root"), block(theme, ":root"));
    Map<String, String> darkVars = new HashMap<>(light);
    darkVars.putAll(vars(dark));
    return Map.of("light", light, "dark", darkVars);
  }

  @Test
  void theDarkThemeChangesTheColours() throws IOException {
    Map<String, Map<String, String>> themes = themes();
    for (String name : List.of("ink", "paper", "page", "muted", "md-mark", "md-link")) {
      assertFalse(themes.get("light").get(name).equalsIgnoreCase(themes.get("dark").get(name)), name);
    }
  }

  @Test
  void textStaysReadableInBothThemes() throws IOException {
    List<String> palette = palette();
    for (var theme : themes().entrySet()) {
      Map<String, String> v = theme.getValue();
      for (String bg : List.of("paper", "page")) {
        for (String fg : List.of("ink", "muted", "md-mark", "md-link")) {
          double r = ratio(v.get(fg), v.get(bg));
          assertTrue(r >= 4.5, theme.getKey() + " " + fg + " on " + bg + ": " + r);
        }
      }
      for (String author : palette) {
        String tint = blend(author, v.get("paper"), AUTHOR_TINT);
        for (String fg : List.of("ink", "md-mark", "md-link")) {
          double r = ratio(v.get(fg), tint);
          assertTrue(r >= 4.5, theme.getKey() + " " + fg + " on author #" + author + ": " + r);
        }
      }
    }
    Map<String, String> dark = themes().get("dark");
    assertTrue(ratio(dark.get("line"), dark.get("paper")) >= 3, "dark borders");
    assertTrue(ratio(dark.get("accent"), dark.get("paper")) >= 4.5, "dark focus ring");
  }
}
