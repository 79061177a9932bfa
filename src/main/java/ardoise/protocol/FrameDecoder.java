package ardoise.protocol;

import ardoise.ot.InvalidOperationException;
import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decodes client → server frames strictly: anything that is not exactly one well-typed message
 * becomes a {@link ProtocolException} with a stable code, never another exception. Unknown fields
 * are ignored (versioning is additive); unknown types are refused.
 */
public final class FrameDecoder {
  /** Largest integer a JavaScript client can represent exactly. */
  static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  /** Like an id; the browser's are 22 random base64url characters (132 bits). */
  private static final Pattern SECRET = ID;
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** The default longest chat message (ARDOISE_CHAT_MAX_CHARS), in UTF-16 code units. */
  public static final int DEFAULT_CHAT_MAX_CHARS = 1000;

  private FrameDecoder() {}

  public static ClientMessage decode(String frame) throws ProtocolException {
    return decode(frame, DEFAULT_CHAT_MAX_CHARS);
  }

  /** Decodes one frame; a chat message longer than {@code chatMaxChars} UTF-16 code units is refused. */
  public static ClientMessage decode(String frame, int chatMaxChars) throws ProtocolException {
    JsonNode root;
    try {
      root = MAPPER.readTree(frame);
    } catch (JsonProcessingException e) {
      throw new ProtocolException(ErrorCode.BAD_JSON, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "a message must be a JSON object");
    JsonNode type = root.get("type");
    if (type == null || !type.isTextual()) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"type\" must be a string");
    return switch (type.asText()) {
      case "join" -> join(root);
      case "op" -> op(root);
      case "cursor" -> new ClientMessage.Cursor(integer(root, "rev", MAX_SAFE_INTEGER), (int) integer(root, "anchor", Integer.MAX_VALUE),
          (int) integer(root, "head", Integer.MAX_VALUE));
      case "ping" -> new ClientMessage.Ping();
      case "profile" -> new ClientMessage.Profile(name(root), color(root.get("color"), true));
      case "chat" -> new ClientMessage.Chat(chatText(root.get("text"), chatMaxChars));
      case "unlock" -> new ClientMessage.Unlock(password(root.get("password"), true));
      default -> throw new ProtocolException(ErrorCode.BAD_MESSAGE, "unknown message type \"" + shorten(type.asText()) + "\"");
    };
  }

  private static ClientMessage join(JsonNode root) throws ProtocolException {
    String clientId = ownId(root, "secret", "clientId", ClientSecrets::clientId);
    String authorId = root.hasNonNull("authorSecret") ? ownId(root, "authorSecret", "authorId", ClientSecrets::authorId)
        : claimedIdMatches(root, "authorId", clientId);
    Long rev = root.hasNonNull("rev") ? integer(root, "rev", MAX_SAFE_INTEGER) : null;
    return new ClientMessage.Join(clientId, name(root), color(root.get("color"), false),
        authorId, rev, flag(root, "batch"),
        color(root.get("preferredColor"), "preferredColor"), password(root.get("password"), false),
        flag(root, "presenceChanges"));
  }

  /** An optional boolean field: absent or null is false. */
  private static boolean flag(JsonNode root, String field) throws ProtocolException {
    JsonNode n = root.get(field);
    if (n != null && !n.isNull() && !n.isBoolean()) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"" + field + "\" must be true or false");
    }
    return n != null && n.booleanValue();
  }

  /** A password field: a string of at most 128 UTF-16 code units (never quoted in an error). */
  private static String password(JsonNode n, boolean required) throws ProtocolException {
    if ((n == null || n.isNull()) && !required) return null;
    if (n == null || !n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > 128) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"password\" must be a string of 1 to 128 characters");
    }
    return n.textValue();
  }

  /**
   * The id derived from the secret in {@code secretField} (see {@link ClientSecrets}); a join naming
   * the id as well must name that one. An id without its secret is refused: it is public.
   */
  private static String ownId(JsonNode root, String secretField, String idField,
      java.util.function.UnaryOperator<String> derive) throws ProtocolException {
    JsonNode n = root.get(secretField);
    if (n == null || n.isNull()) {
      throw new ProtocolException(ErrorCode.BAD_CLIENT_SECRET, "field \"" + secretField + "\" is required: an id is taken only with its secret");
    }
    if (!n.isTextual() || !SECRET.matcher(n.textValue()).matches()) {
      throw new ProtocolException(ErrorCode.BAD_CLIENT_SECRET, "field \"" + secretField + "\" must be 16 to 64 characters among A-Z a-z 0-9 _ -");
    }
    return claimedIdMatches(root, idField, derive.apply(n.textValue()));
  }

  /** {@code own}, after checking that the join's optional {@code field} (an id) names it. */
  private static String claimedIdMatches(JsonNode root, String field, String own) throws ProtocolException {
    String claimed = id(root.get(field), field, false);
    if (claimed != null && !claimed.equals(own)) {
      throw new ProtocolException(ErrorCode.BAD_CLIENT_SECRET, "field \"" + field + "\" is not the id of the secret sent with it");
    }
    return own;
  }

  private static ClientMessage op(JsonNode root) throws ProtocolException {
    long rev = integer(root, "rev", MAX_SAFE_INTEGER);
    long seq = integer(root, "seq", MAX_SAFE_INTEGER);
    if (seq < 1) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"seq\" must be at least 1");
    JsonNode op = root.get("op");
    if (op == null || !op.isArray()) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"op\" must be an array", seq);
    try {
      TextOperation parsed = OpJson.fromJson(decoded(op));
      return new ClientMessage.Op(rev, seq, parsed);
    } catch (InvalidOperationException e) {
      throw new ProtocolException(ErrorCode.BAD_OP, e.getMessage(), seq);
    }
  }

  /** The op array as plain Java values for {@link OpJson}, which checks every element. */
  private static List<Object> decoded(JsonNode array) {
    List<Object> out = new ArrayList<>(array.size());
    for (JsonNode n : array) {
      if (n.isTextual()) out.add(n.textValue());
      else if (n.isIntegralNumber()) out.add(n.bigIntegerValue());
      else if (n.isNumber()) out.add(n.doubleValue());
      else if (n.isBoolean()) out.add(n.booleanValue());
      else if (n.isArray()) out.add(List.of());
      else if (n.isNull()) out.add(null);
      else out.add(new Object()); // an object: OpJson names it
    }
    return out;
  }

  /** A non-negative integer field, at most {@code max}. */
  private static long integer(JsonNode root, String field, long max) throws ProtocolException {
    JsonNode n = root.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0 || n.longValue() > max) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"" + field + "\" must be an integer from 0 to " + max);
    }
    return n.longValue();
  }

  private static String id(JsonNode n, String field, boolean required) throws ProtocolException {
    if (n == null || n.isNull()) {
      if (!required) return null;
    } else if (n.isTextual() && ID.matcher(n.textValue()).matches()) {
      return n.textValue();
    }
    throw new ProtocolException(ErrorCode.BAD_CLIENT_ID, "field \"" + field + "\" must be 16 to 64 characters among A-Z a-z 0-9 _ -");
  }

  private static String name(JsonNode root) throws ProtocolException {
    JsonNode n = root.get("name");
    String name = n != null && n.isTextual() ? n.textValue().strip() : "";
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > 64 || name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
      throw new ProtocolException(ErrorCode.BAD_NAME, "field \"name\" must be 1 to 64 printable characters");
    }
    return name;
  }

  /**
   * Chat text: not blank, at most {@code max} UTF-16 code units, no control character but newline
   * and tab, well-formed UTF-16 (it is stored as UTF-8).
   */
  private static String chatText(JsonNode n, int max) throws ProtocolException {
    if (n == null || !n.isTextual() || n.textValue().isBlank()) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"text\" must be a non-empty string");
    }
    String text = n.textValue();
    if (text.length() > max) {
      throw new ProtocolException(ErrorCode.CHAT_TOO_LONG, "chat messages are limited to " + max + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
      boolean loneSurrogate = Character.isHighSurrogate(c)
          ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
          : Character.isLowSurrogate(c);
      if (control || loneSurrogate) {
        throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"text\" holds a control character or a lone surrogate");
      }
    }
    return text;
  }

  private static String color(JsonNode n, boolean required) throws ProtocolException {
    if ((n == null || n.isNull()) && required) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"color\" must look like #1a2b3c");
    return color(n, "color");
  }

  /** An optional colour field: null when absent. */
  private static String color(JsonNode n, String field) throws ProtocolException {
    if (n == null || n.isNull()) return null;
    if (n.isTextual() && COLOR.matcher(n.textValue()).matches()) return n.textValue().toLowerCase();
    throw new ProtocolException(ErrorCode.BAD_MESSAGE, "field \"" + field + "\" must look like #1a2b3c");
  }

  private static String shorten(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }
}
