package ardoise.http.export;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a pad can be downloaded in, in the order the menus show them: file extension (also the
 * URL segment, {@code /p/{pad}/export/{extension}}), media type and short label. The export route,
 * the exporters ({@link Exporters}) and the pages' menus ({@code /js/export-formats.js}) all derive
 * from this list; each format's long label is {@code export.{extension}} in {@code webroot/i18n}.
 */
public enum ExportFormat {
  PDF("pdf", "application/pdf", "PDF"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
  ODT("odt", "application/vnd.oasis.opendocument.text", "ODT"),
  HTML("html", "text/html; charset=utf-8", "HTML"),
  MD("md", "text/markdown; charset=utf-8", "Markdown"),
  TXT("txt", "text/plain; charset=utf-8", "TXT");

  private final String extension;
  private final String contentType;
  private final String shortLabel;

  ExportFormat(String extension, String contentType, String shortLabel) {
    this.extension = extension;
    this.contentType = contentType;
    this.shortLabel = shortLabel;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The name shown where space is short (the history page's list). */
  public String shortLabel() {
    return shortLabel;
  }

  /** The format named by a URL segment such as "pdf" (case-insensitive), if any. */
  public static Optional<ExportFormat> parse(String name) {
    if (name == null) return Optional.empty();
    String wanted = name.toLowerCase(Locale.ROOT);
    for (ExportFormat format : values()) {
      if (format.extension.equals(wanted)) return Optional.of(format);
    }
    return Optional.empty();
  }

  /**
   * Whether the format parses the Markdown and lays it out (html, pdf, docx, odt: up to seconds of
   * CPU for a large pad), so that its renders go through a {@link RenderPool}. txt and md are the
   * text itself.
   */
  public boolean laidOut() {
    return this != TXT && this != MD;
  }

  /** Every extension, comma-separated, for messages. */
  public static String extensions() {
    StringBuilder sb = new StringBuilder();
    for (ExportFormat f : values()) sb.append(sb.length() == 0 ? "" : ", ").append(f.extension);
    return sb.toString();
  }
}
