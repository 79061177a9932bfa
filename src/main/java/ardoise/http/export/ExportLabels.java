package ardoise.http.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The few words an export adds around the pad's text, in French or English. */
record ExportLabels(String language) {

  private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.FRENCH);
  private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  static ExportLabels of(ExportOptions options) {
    return new ExportLabels(options.language());
  }

  private boolean french() {
    return !"en".equals(language);
  }

  String contributors() {
    return french() ? "Contributeurs" : "Contributors";
  }

  String anonymous() {
    return french() ? "Anonyme" : "Anonymous";
  }

  /** "Révision 12 · 23 novembre 2026, 11:46 UTC". */
  String revisionLine(long rev, Instant time) {
    String when = (french() ? FR : EN).format(time.atZone(ZoneOffset.UTC));
    return (french() ? "Révision " : "Revision ") + rev + " · " + when;
  }
}
