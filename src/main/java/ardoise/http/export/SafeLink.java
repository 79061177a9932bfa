package ardoise.http.export;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which link targets an export keeps. An allow-list, not a block-list: only http(s) and mailto
 * survive, so {@code javascript:}, {@code data:}, {@code vbscript:}, obfuscated variants
 * ("java&#9;script:", spaces, control characters) and relative paths all lose their link
 * and stay as plain text.
 */
final class SafeLink {
  private static final Pattern ALLOWED = Pattern.compile("(https?://|mailto:)[^\\s\\p{Cntrl}\"<>\\\\`]+");

  private SafeLink() {}

  /** The destination if it is safe to put in an href, else null. */
  static String check(String destination) {
    if (destination == null) return null;
    String candidate = destination.strip();
    if (!ALLOWED.matcher(candidate.toLowerCase(Locale.ROOT)).matches()) return null;
    return candidate;
  }
}
