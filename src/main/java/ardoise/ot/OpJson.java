package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an operation, used on the wire and in storage: an array where a positive integer
 * n is retain(n), a non-empty string is an insert and a negative integer -n is delete(n), e.g.
 * {@code [5, "Bonjour ", -3, 12]}. Authors are not part of this form.
 *
 * <p>This class stays free of any JSON library: the caller decodes the JSON text (Jackson, Vert.x)
 * and hands over the decoded array; this class checks every element.
 */
public final class OpJson {
  private OpJson() {}

  /** Reads a decoded JSON array: a {@link List} of numbers and strings. */
  public static TextOperation fromJson(Object decoded) {
    if (!(decoded instanceof List<?> list)) {
      throw new InvalidOperationException("op must be a JSON array, got " + describe(decoded));
    }
    TextOperation.Builder b = TextOperation.builder();
    for (int i = 0; i < list.size(); i++) {
      Object v = list.get(i);
      if (v instanceof String s) {
        if (s.isEmpty()) throw new InvalidOperationException("op element " + i + " is an empty string");
        b.insert(s);
      } else if (v instanceof Number n) {
        int count = toInt(n, i);
        if (count > 0) b.retain(count);
        else b.delete(-count);
      } else {
        throw new InvalidOperationException("op element " + i + " must be an integer or a string, got " + describe(v));
      }
    }
    return b.build();
  }

  private static int toInt(Number n, int index) {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      throw new InvalidOperationException("op element " + index + " must be an integer, got " + n);
    }
    BigInteger value = n instanceof BigInteger big ? big : BigInteger.valueOf(n.longValue());
    // -Integer.MAX_VALUE keeps delete(n) representable; Integer.MIN_VALUE has no positive counterpart.
    if (value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0
        || value.compareTo(BigInteger.valueOf(-Integer.MAX_VALUE)) < 0) {
      throw new InvalidOperationException("op element " + index + " is beyond int range: " + n);
    }
    if (value.signum() == 0) throw new InvalidOperationException("op element " + index + " is zero");
    return value.intValue();
  }

  private static String describe(Object v) {
    if (v == null) return "null";
    if (v instanceof List) return "an array";
    if (v instanceof Boolean) return "a boolean";
    if (v instanceof Number) return "a number";
    if (v instanceof String) return "a string";
    return "an object";
  }

  /** The decoded JSON form: a list of Integers and Strings, canonical (adjacent inserts joined). */
  public static List<Object> toJsonValues(TextOperation op) {
    // Inserts of different authors are separate components; the wire form has no authors, so join them.
    List<Component> components = op.withoutAuthors().components();
    List<Object> out = new ArrayList<>(components.size());
    for (Component c : components) {
      if (c instanceof Retain r) out.add(r.count());
      else if (c instanceof Insert i) out.add(i.text());
      else out.add(-((Delete) c).count());
    }
    return out;
  }

  /** The JSON text of the operation, e.g. {@code [5,"Bonjour ",-3,12]}. */
  public static String toJson(TextOperation op) {
    StringBuilder sb = new StringBuilder("[");
    for (Object v : toJsonValues(op)) {
      if (sb.length() > 1) sb.append(',');
      if (v instanceof String s) appendString(sb, s);
      else sb.append(v);
    }
    return sb.append(']').toString();
  }

  static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
