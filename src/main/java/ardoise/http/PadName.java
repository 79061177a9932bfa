package ardoise.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Pad names as they appear in URLs: 1–64 characters, each a letter of any script (with its
 * combining marks), a decimal digit, {@code -} or {@code _}. Names are read in Unicode NFC, so
 * the same name typed on two keyboards is the same name.
 *
 * <p>A pad is stored under the {@link #canonical} form of its name: compatibility characters
 * replaced by the ones they stand for (NFKC: fullwidth "ａ" is "a", the ligature "ﬁ" is "fi"), lower
 * case, without the accents of Latin, Greek and Cyrillic letters, so "Bilan-Soir", "bilan-soir",
 * "ｂｉｌａｎ-ｓｏｉｒ" and "Réunion"/"reunion" each reach one pad. Letters that show as nothing (the
 * Hangul fillers, the combining grapheme joiner, Khmer's inherent vowels) are refused: a name holding
 * one looks like another name. webroot/js/pads.js computes the same form; both are tested against
 * src/test/resources/pad-names.json.
 */
public final class PadName {
  public static final int MAX_LENGTH = 64;

  private PadName() {}

  /** The pad name of a raw (percent-encoded) URL path segment. */
  public static String fromPath(String rawSegment) throws InvalidException {
    return validate(percentDecode(rawSegment));
  }

  /** The NFC form of {@code name} if it is a valid pad name. */
  public static String validate(String name) throws InvalidException {
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    int count = nfc.codePointCount(0, nfc.length());
    if (count < 1 || count > MAX_LENGTH) {
      throw new InvalidException("a pad name has 1 to " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < nfc.length(); ) {
      int c = nfc.codePointAt(i);
      if (!allowed(c)) {
        throw new InvalidException("a pad name may only hold letters, digits, - and _");
      }
      i += Character.charCount(c);
    }
    if (nfc.codePoints().anyMatch(PadName::invisible)) {
      throw new InvalidException("a pad name may not hold invisible characters");
    }
    String canonical = canonical(nfc);
    if (canonical.isEmpty()) throw new InvalidException("a pad name needs a letter, a digit, - or _");
    // A compatibility character may stand for several, spaces included (U+FDFA): the stored form must be a name too.
    if (!canonical.codePoints().allMatch(PadName::allowed) || canonical.codePointCount(0, canonical.length()) > MAX_LENGTH) {
      throw new InvalidException("a pad name may only hold letters, digits, - and _");
    }
    return nfc;
  }

  /**
   * The form a pad is stored under: lower case (Unicode default case mapping), then the marks of
   * the Combining Diacritical Marks block (U+0300–U+036F: the accents of Latin, Greek and Cyrillic
   * letters) removed, in NFC. Marks of other scripts (Indic vowel signs, Arabic vowel marks) are kept:
   * there they are part of the letter, and dropping them would merge different words.
   * {@code name} is a valid name (see {@link #validate}); the result is one too, unless empty.
   */
  public static String canonical(String name) {
    String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
    String decomposed = Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder kept = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (c < 0x300 || c > 0x36F) kept.append(c);
    }
    return Normalizer.normalize(kept, Normalizer.Form.NFC);
  }

  /** Letters and marks that draw nothing. */
  private static boolean invisible(int c) {
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F || c == 0x17B4 || c == 0x17B5;
  }

  private static boolean allowed(int c) {
    int type = Character.getType(c);
    return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || c == '-' || c == '_'
        || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** Strict percent-decoding of a path segment ({@code +} stays a plus); bad escapes or UTF-8 are refused. */
  static String percentDecode(String raw) throws InvalidException {
    if (raw.length() > MAX_LENGTH * 12) throw new InvalidException("a pad name has 1 to " + MAX_LENGTH + " characters");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (lo < 0) throw new InvalidException("the pad name has a broken %-escape");
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c <= 0xFF) {
        bytes.write(c); // the HTTP layer hands raw request-line bytes over as ISO-8859-1 chars
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidException("the pad name is not valid UTF-8");
    }
  }

  /** A refused pad name; the message is safe to show (it never echoes the input). */
  public static final class InvalidException extends Exception {
    public InvalidException(String message) {
      super(message, null, false, false);
    }
  }
}
