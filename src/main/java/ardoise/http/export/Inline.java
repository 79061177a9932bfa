package ardoise.http.export;

/**
 * The character formatting in force for a piece of text: emphasis, code and the link it belongs
 * to ({@code link} is null outside links and is always a checked, safe URL).
 */
record Inline(boolean bold, boolean italic, boolean code, String link) {
  static final Inline PLAIN = new Inline(false, false, false, null);

  Inline withBold() {
    return new Inline(true, italic, code, link);
  }

  Inline withItalic() {
    return new Inline(bold, true, code, link);
  }

  Inline withCode() {
    return new Inline(bold, italic, true, link);
  }

  Inline withLink(String href) {
    return new Inline(bold, italic, code, href);
  }
}
