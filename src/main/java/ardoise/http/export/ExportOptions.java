package ardoise.http.export;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the person asked for: authorship colours and the contributor list, or the text alone;
 * {@code language} ("fr" or "en") for the few words an export adds (title line, list heading);
 * {@code zone}, the reader's time zone, for the revision's time in that line.
 */
public record ExportOptions(boolean withAuthorship, String language, ZoneId zone) {
  /** Longest IANA zone id accepted from a request (the longest in use has about 30 characters). */
  private static final int MAX_ZONE_LENGTH = 64;

  public ExportOptions {
    language = "en".equals(language) ? "en" : "fr";
    Objects.requireNonNull(zone, "zone");
  }

  public ExportOptions(boolean withAuthorship, String language) {
    this(withAuthorship, language, ZoneOffset.UTC);
  }

  public static ExportOptions plain(String language) {
    return new ExportOptions(false, language);
  }

  public static ExportOptions withAuthors(String language) {
    return new ExportOptions(true, language);
  }

  /**
   * The zone a browser sent ({@code Intl.DateTimeFormat().resolvedOptions().timeZone}, e.g.
   * "Europe/Paris"), or UTC when it is missing or not a zone this JVM knows: a bad value never
   * refuses the export.
   */
  public static ZoneId zoneOf(String asked) {
    if (asked == null || asked.isEmpty() || asked.length() > MAX_ZONE_LENGTH) return ZoneOffset.UTC;
    try {
      return ZoneId.of(asked);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
