package ardoise.http.export;

/**
 * Escaping for HTML, XHTML and the XML parts of DOCX and ODT. Characters that XML 1.0 forbids
 * (control characters other than tab and newlines, U+FFFE/U+FFFF, lone surrogates) are replaced by
 * U+FFFD, so a pad holding them still exports a well-formed file.
 */
final class XmlText {
  private XmlText() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    appendEscaped(out, text);
    return out.toString();
  }

  static void appendEscaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          } else {
            out.append('\uFFFD');
          }
        }
      }
    }
  }

  private static boolean allowed(char c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }
}
