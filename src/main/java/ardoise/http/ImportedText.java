package ardoise.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded .txt or .md file turned into pad text: at most {@code maxBytes}, strictly valid UTF-8
 * (a malformed or truncated sequence is refused, never replaced by U+FFFD), a leading BOM dropped.
 * Line endings are kept as they are.
 */
final class ImportedText {
  private ImportedText() {}

  /** A refused file; the message is safe to show and says what to do. */
  static final class Refused extends Exception {
    final HttpError error;

    Refused(HttpError error, String message) {
      super(message, null, false, false);
      this.error = error;
    }
  }

  static String decode(byte[] bytes, int maxBytes) throws Refused {
    if (bytes.length > maxBytes) {
      throw new Refused(HttpError.FILE_TOO_LARGE, "the file has " + bytes.length + " bytes; the limit is " + maxBytes
          + " bytes (" + (maxBytes / 1024) + " KiB)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused(HttpError.NOT_UTF8, "the file is not valid UTF-8 text; save it as UTF-8 (plain text or Markdown) and try again");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new Refused(HttpError.NOT_TEXT, "the file contains NUL characters: it looks like a binary file, not text");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
