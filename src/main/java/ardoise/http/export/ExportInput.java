package ardoise.http.export;

import ardoise.ot.AuthorRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One revision of a pad, ready to export: its text, who wrote which code units ({@code runs} cover
 * {@code text} exactly), what is known of each author, and when the revision was made.
 * Immutable; exporters may run on any thread.
 */
public record ExportInput(String padName, long rev, Instant time, String text, List<AuthorRun> runs,
    Map<String, Contributor> contributors, ExportOptions options) {

  public ExportInput {
    Objects.requireNonNull(padName, "padName");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(text, "text");
    runs = List.copyOf(runs);
    contributors = Map.copyOf(contributors);
    Objects.requireNonNull(options, "options");
    long covered = runs.stream().mapToLong(AuthorRun::length).sum();
    if (covered != text.length()) {
      throw new IllegalArgumentException("author runs cover " + covered + " code units, text has " + text.length());
    }
  }
}
