package ardoise.http.export;

import java.util.Locale;
import java.util.Optional;

/** The formats a pad can be downloaded in, with their file extension and media type. */
public enum ExportFormat {
  TXT("txt", "text/plain; charset=utf-8"),
  MD("md", "text/markdown; charset=utf-8"),
  HTML("html", "text/html; charset=utf-8"),
  PDF("pdf", "application/pdf"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  ODT("odt", "application/vnd.oasis.opendocument.text");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
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
}
