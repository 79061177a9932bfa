package ardoise.http;

import ardoise.protocol.ClientSecrets;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Who asks for a server-side edit (restore, import, template, saved version), as the browser tells it:
 * the same author secret, name and colour its editor joins with. Checked like a join message: the
 * authorId is the one derived from the secret ({@link ClientSecrets}), never one the request names,
 * so nobody writes under another person's id.
 */
record Person(String authorId, String name, String color) {
  /** Where an import (whose body is the file) carries the author secret. */
  static final String SECRET_HEADER = "Ardoise-Author-Secret";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** A refused identity; the message is safe to show. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static Person from(String authorSecret, String name, String color) throws Invalid {
    if (authorSecret == null || !ID.matcher(authorSecret).matches()) {
      throw new Invalid("authorSecret must be 16 to 64 characters among A-Z a-z 0-9 _ -");
    }
    String cleanName = name == null ? "" : name.strip();
    int length = cleanName.codePointCount(0, cleanName.length());
    if (length < 1 || length > 64 || cleanName.codePoints().anyMatch(Character::isISOControl)) {
      throw new Invalid("name must be 1 to 64 printable characters");
    }
    String cleanColor = color != null && COLOR.matcher(color).matches() ? color.toLowerCase() : "#7f7f7f";
    return new Person(ClientSecrets.authorId(authorSecret), cleanName, cleanColor);
  }

  static Person from(JsonObject body) throws Invalid {
    return from(body.getValue("authorSecret") instanceof String s ? s : null,
        body.getValue("name") instanceof String s ? s : null,
        body.getValue("color") instanceof String s ? s : null);
  }
}
