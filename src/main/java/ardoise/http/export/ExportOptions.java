package ardoise.http.export;

/**
 * What the person asked for: authorship colours and the contributor list, or the text alone;
 * {@code language} ("fr" or "en") for the few words an export adds (title line, list heading).
 */
public record ExportOptions(boolean withAuthorship, String language) {
  public ExportOptions {
    language = "en".equals(language) ? "en" : "fr";
  }

  public static ExportOptions plain(String language) {
    return new ExportOptions(false, language);
  }

  public static ExportOptions withAuthors(String language) {
    return new ExportOptions(true, language);
  }
}
