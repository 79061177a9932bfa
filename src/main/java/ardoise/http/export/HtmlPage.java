package ardoise.http.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A complete, self-contained and inert HTML page for one revision: the pad name and revision line,
 * the Markdown structure, and (if asked) authorship colours with the list of contributors.
 *
 * <p>Inert: the body comes from {@link HtmlSink} (everything escaped, only safe hrefs), there is no
 * script, and a CSP meta tag allows nothing but the page's own stylesheet (by its sha256), so even
 * markup that slipped through could not run or load anything. The same page, with the PDF font
 * stack, is what the PDF renderer lays out.
 */
final class HtmlPage {
  private HtmlPage() {}

  enum Fonts {
    SCREEN("\"DejaVu Sans\", \"Segoe UI\", Roboto, Arial, sans-serif, \"Noto Color Emoji\", \"Segoe UI Emoji\"",
        "\"DejaVu Sans Mono\", Menlo, Consolas, monospace"),
    PDF("\"DejaVu Sans\", Symbola", "\"DejaVu Sans Mono\", \"DejaVu Sans\", Symbola");

    final String body;
    final String mono;

    Fonts(String body, String mono) {
      this.body = body;
      this.mono = mono;
    }
  }

  static String render(ExportInput input, Fonts fonts) {
    return render(input, fonts, Integer.MAX_VALUE);
  }

  /** The page, refused with {@link ExportTooLarge} past {@code maxPieces} pieces (see {@link MarkdownWalk}). */
  static String render(ExportInput input, Fonts fonts, int maxPieces) {
    Authorship authorship = Authorship.of(input);
    ExportLabels labels = ExportLabels.of(input.options());
    String css = ExportStyles.css(fonts.body, fonts.mono, authorship);
    StringBuilder page = new StringBuilder(input.text().length() * 2 + 4096);
    page.append("<!DOCTYPE html>\n<html lang=\"").append(input.options().language()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\" />\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
        .append(sha256(css)).append("'; base-uri 'none'; form-action 'none'\" />\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<title>").append(XmlText.escape(input.padName())).append("</title>\n")
        .append("<style>").append(css).append("</style>\n</head>\n<body>\n")
        .append("<header><p class=\"pad-name\">").append(XmlText.escape(input.padName())).append("</p>")
        .append("<p class=\"revision\">").append(XmlText.escape(labels.revisionLine(input.rev(), input.time())))
        .append("</p></header>\n<main>\n");
    MarkdownWalk.walk(input, new HtmlSink(page, authorship.numbers()), maxPieces);
    page.append("</main>\n");
    if (authorship.shown()) appendContributors(page, authorship, labels);
    return page.append("</body>\n</html>\n").toString();
  }

  private static void appendContributors(StringBuilder page, Authorship authorship, ExportLabels labels) {
    page.append("<footer class=\"contributors\"><h2>").append(XmlText.escape(labels.contributors())).append("</h2>\n<ul>\n");
    for (String author : authorship.ids()) {
      page.append("<li><span class=\"swatch s").append(authorship.number(author)).append("\"></span> <span class=\"a")
          .append(authorship.number(author)).append("\">")
          .append(XmlText.escape(authorship.contributor(author).name())).append("</span></li>\n");
    }
    page.append("</ul>\n</footer>\n");
  }

  /** The CSP source expression value for an inline stylesheet: "sha256-" + base64 of its UTF-8 bytes. */
  static String sha256(String css) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
