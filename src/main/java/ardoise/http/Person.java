package ardoise.http;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Who asks for a server-side edit (restore, import, template, saved version), as the browser tells it:
 * the same authorId, name and colour its editor joins with. Checked like a join message.
 */
record Person(String authorId, String name, String color) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** A refused identity; the message is safe to show. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static Person from(String authorId, String name, String color) throws Invalid {
    if (authorId == null || !ID.matcher(authorId).matches()) {
      throw new Invalid("authorId must be 16 to 64 characters among A-Z a-z 0-9 _ -");
    }
    String cleanName = name == null ? "" : name.strip();
    int length = cleanName.codePointCount(0, cleanName.length());
    if (length < 1 || length > 64 || cleanName.codePoints().anyMatch(Character::isISOControl)) {
      throw new Invalid("name must be 1 to 64 printable characters");
    }
    String cleanColor = color != null && COLOR.matcher(color).matches() ? color.toLowerCase() : "#7f7f7f";
    return new Person(authorId, cleanName, cleanColor);
  }

  static Person from(JsonObject body) throws Invalid {
    return from(body.getValue("authorId") instanceof String s ? s : null,
        body.getValue("name") instanceof String s ? s : null,
        body.getValue("color") instanceof String s ? s : null);
  }
}
