package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 contrast of the projector's two themes, read from webroot/css/projector.css: text at
 * least 7:1 (AAA, it is read from the back of a room), secondary text and focus ring at least
 * 4.5:1 (AA), borders at least 3:1 (non-text, AA).
 */
class ProjectorContrastTest {
  private static final Pattern BLOCK = Pattern.compile("body\\.projector\\[data-theme=\"(light|dark)\"\\]\\s*\\{([^}]*)\\}");
  private static final Pattern VAR = Pattern.compile("--proj-([a-z]+):\\s*#([0-9a-fA-F]{6});");

  static Map<String, Map<String, String>> themes() throws IOException {
    String css = Files.readString(Path.of("webroot", "css", "projector.css"));
    Map<String, Map<String, String>> themes = new HashMap<>();
    Matcher block = BLOCK.matcher(css);
    while (block.find()) {
      Map<String, String> vars = new HashMap<>();
      Matcher v = VAR.matcher(block.group(2));
      while (v.find()) vars.put(v.group(1), v.group(2));
      themes.put(block.group(1), vars);
    }
    return themes;
  }

  /** Relative luminance of #rrggbb (WCAG 2.1). */
  static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  @Test
  void theFormulaMatchesKnownValues() {
    assertEquals(21.0, ratio("000000", "ffffff"), 1e-9);
    assertEquals(4.54, ratio("767676", "ffffff"), 0.01);
  }

  @Test
  void bothThemesMeetTheirContrastTargets() throws IOException {
    Map<String, Map<String, String>> themes = themes();
    assertEquals(2, themes.size(), "light and dark blocks found: " + themes.keySet());
    for (var theme : themes.entrySet()) {
      Map<String, String> v = theme.getValue();
      String name = theme.getKey();
      for (String bg : new String[] {"paper", "bar"}) {
        assertTrue(ratio(v.get("ink"), v.get(bg)) >= 7, name + " text on " + bg + ": " + ratio(v.get("ink"), v.get(bg)));
        assertTrue(ratio(v.get("muted"), v.get(bg)) >= 4.5, name + " muted on " + bg + ": " + ratio(v.get("muted"), v.get(bg)));
        assertTrue(ratio(v.get("accent"), v.get(bg)) >= 4.5, name + " focus ring on " + bg + ": " + ratio(v.get("accent"), v.get(bg)));
        assertTrue(ratio(v.get("line"), v.get(bg)) >= 3, name + " borders on " + bg + ": " + ratio(v.get("line"), v.get(bg)));
      }
    }
  }
}
