package ardoise.http.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The few words an export adds around the pad's text, in French or English, times in the reader's zone. */
record ExportLabels(String language, ZoneId zone) {

  private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.FRENCH);
  private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

  static ExportLabels of(ExportOptions options) {
    return new ExportLabels(options.language(), options.zone());
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

  /** "Révision 12 · 23 novembre 2026, 11:46 UTC", or "…, 12:46 (Europe/Paris)" in the reader's zone. */
  String revisionLine(long rev, Instant time) {
    String when = (french() ? FR : EN).format(time.atZone(zone));
    String zoneName = zone.normalized().equals(ZoneOffset.UTC) ? " UTC" : " (" + zone.getId() + ")";
    return (french() ? "Révision " : "Revision ") + rev + " · " + when + zoneName;
  }
}
