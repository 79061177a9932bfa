package ardoise.server;

import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text exposition (tests only). */
final class Prometheus {
  private Prometheus() {}

  /** The value of {@code name} whose label set contains {@code labels} (e.g. {@code code="bad-op"}), or NaN. */
  static double value(String text, String name, String labels) {
    return samples(text, name, labels).findFirst().orElse(Double.NaN);
  }

  /** The sum of every sample of {@code name} whose label set contains {@code labels} (0 if none). */
  static double sum(String text, String name, String labels) {
    return samples(text, name, labels).sum();
  }

  private static java.util.stream.DoubleStream samples(String text, String name, String labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
    return line.matcher(text).results()
        .filter(m -> labels.isEmpty() || (m.group(1) == null ? "" : m.group(1)).contains(labels))
        .mapToDouble(m -> Double.parseDouble(m.group(2)));
  }

  static double value(String text, String name) {
    return value(text, name, "");
  }
}
