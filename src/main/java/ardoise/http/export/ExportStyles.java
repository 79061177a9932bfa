package ardoise.http.export;

/** The stylesheet embedded in HTML exports (and laid out by the PDF renderer). */
final class ExportStyles {
  private ExportStyles() {}

  private static final String BASE = """
      @page { size: A4; margin: 2cm 1.8cm; }
      html { background: #fff; color: #1b1b1b; }
      body { font-family: %s; font-size: 11pt; line-height: 1.45; margin: 1.5em auto; max-width: 46em; padding: 0 1em; word-wrap: break-word; }
      header { border-bottom: 1px solid #bbb; margin-bottom: 1.2em; }
      header .pad-name { font-size: 9pt; font-weight: bold; margin: 0; color: #555; }
      header .revision { font-size: 9pt; margin: 0 0 0.4em 0; color: #555; }
      h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin: 1.1em 0 0.4em 0; page-break-after: avoid; }
      h1 { font-size: 20pt; } h2 { font-size: 16pt; } h3 { font-size: 13.5pt; } h4, h5, h6 { font-size: 11.5pt; }
      p { margin: 0 0 0.7em 0; }
      li p { margin: 0.15em 0; }
      pre { font-family: %s; font-size: 9.5pt; background: #f4f4f4; padding: 0.6em 0.8em; white-space: pre-wrap; word-wrap: break-word; }
      code { font-family: %s; font-size: 0.92em; background: #f4f4f4; }
      blockquote { margin: 0.5em 0 0.8em 0; padding-left: 0.9em; border-left: 3px solid #ccc; color: #333; }
      table { border-collapse: collapse; margin: 0.6em 0 1em 0; -fs-table-paginate: paginate; }
      th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
      th { background: #eee; }
      .align-center { text-align: center; } .align-right { text-align: right; }
      hr { border: 0; border-top: 1px solid #bbb; margin: 1em 0; }
      a { color: #0645ad; }
      footer.contributors { border-top: 1px solid #bbb; margin-top: 2em; font-size: 10pt; page-break-inside: avoid; }
      footer.contributors h2 { font-size: 12pt; }
      footer.contributors ul { list-style: none; padding: 0; }
      .swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #777; vertical-align: middle; }
      """;

  static String css(String bodyFonts, String monoFonts, Authorship authorship) {
    StringBuilder css = new StringBuilder(String.format(BASE, bodyFonts, monoFonts, monoFonts));
    for (String author : authorship.ids()) {
      int n = authorship.number(author);
      Contributor who = authorship.contributor(author);
      css.append(".a").append(n).append(" { background-color: ").append(who.tint(0.3))
          .append("; border-bottom: 2px solid ").append(who.colour()).append("; }\n")
          .append(".s").append(n).append(" { background-color: ").append(who.colour()).append("; }\n");
    }
    return css.toString();
  }
}
