package ardoise.http.share;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The absolute addresses of a pad: its edit page, read-only page, projector view and QR codes.
 * They start with the configured public URL (ARDOISE_PUBLIC_URL) when there is one, else with the
 * scheme and Host of the request, so a QR code scanned in the room points where the facilitator's
 * browser went. Immutable; safe from any thread.
 *
 * @param base scheme://host[:port], no trailing slash
 */
public record ShareLinks(String base, String edit, String readOnly, String projector, String qr, String readOnlyQr) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

  /** The links of {@code padId} (a valid, NFC pad name) and its {@code readOnlyId}. */
  public static ShareLinks of(String base, String padId, String readOnlyId) {
    String pad = base + "/p/" + encodeSegment(padId);
    String read = base + "/r/" + readOnlyId;
    return new ShareLinks(base, pad, read, pad + "/projector", pad + "/qr.svg", read + "/qr.svg");
  }

  /**
   * The base of every link: {@code publicUrl} when configured, else {@code scheme://hostHeader}.
   * Returns null when there is no public URL and the Host header is missing or not a plain host
   * (it would end up inside a QR code: no injection of paths or markup through it).
   */
  public static String base(String publicUrl, String scheme, String hostHeader) {
    if (publicUrl != null) return publicUrl;
    if (hostHeader == null || !HOST.matcher(hostHeader).matches()) return null;
    String s = "https".equalsIgnoreCase(scheme) ? "https" : "http";
    return s + "://" + hostHeader.toLowerCase();
  }

  /** Percent-encodes a path segment's UTF-8 bytes except RFC 3986 unreserved characters. */
  public static String encodeSegment(String segment) {
    StringBuilder sb = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~';
      if (unreserved) sb.append((char) c);
      else sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
          .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
    }
    return sb.toString();
  }
}
