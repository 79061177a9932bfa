package ardoise.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text exposition (tests only). */
final class Prometheus {
  private Prometheus() {}

  /** The value of {@code name} whose label set contains {@code labels} (e.g. {@code code="bad-op"}), or NaN. */
  static double value(String text, String name, String labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (labels.isEmpty() || found.contains(labels)) return Double.parseDouble(m.group(2));
    }
    return Double.NaN;
  }

  /** The sum of every sample of {@code name} whose label set contains {@code labels} (0 if none). */
  static double sum(String text, String name, String labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    double total = 0;
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (labels.isEmpty() || found.contains(labels)) total += Double.parseDouble(m.group(2));
    }
    return total;
  }

  static double value(String text, String name) {
    return value(text, name, "");
  }
}
