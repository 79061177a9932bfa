package ardoise.http.export;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a downloaded export gets: the pad name, the revision's date and the extension, e.g.
 * {@code réunion-équipe-2026-11-23.pdf}, and the Content-Disposition header that carries it
 * (RFC 6266): an ASCII {@code filename} for old clients and an RFC 5987 {@code filename*} with the accents.
 */
public record DownloadName(String unicode) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  public static DownloadName of(String padName, Instant time, ExportFormat format) {
    String base = padName.codePoints()
        .map(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '-')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    if (base.isEmpty()) base = "pad";
    return new DownloadName(base + "-" + DAY.format(time.atZone(ZoneOffset.UTC)) + "." + format.extension());
  }

  /** The name without accents and with only safe ASCII characters. */
  public String ascii() {
    String stripped = Normalizer.normalize(unicode, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String safe = stripped.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("-{2,}", "-");
    return safe.startsWith(".") || safe.startsWith("-") ? "pad" + safe : safe;
  }

  /** {@code attachment; filename="..."; filename*=UTF-8''...}. */
  public String contentDisposition() {
    return "attachment; filename=\"" + ascii() + "\"; filename*=UTF-8''" + percentEncode(unicode);
  }

  private static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0);
      if (plain) out.append((char) c);
      else out.append('%').append(String.format("%02X", c));
    }
    return out.toString();
  }
}
