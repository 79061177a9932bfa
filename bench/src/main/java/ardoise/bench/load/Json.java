package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The little JSON both wire protocols need: parse a frame, write an op, escape a string. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The frame as a tree (read only: it may be shared). Why a cache: a server sends the same frame to
   * every member of a pad, and each real browser parses it on its own CPU; this generator simulates
   * hundreds of them on the server's own cores, so it parses each distinct frame text once per
   * thread (the last {@link #CACHED} texts) instead of once per simulated client. Both targets get it.
   */
  static JsonNode parse(String frame) {
    FrameCache cache = CACHE.get();
    JsonNode hit = cache.find(frame);
    if (hit != null) return hit;
    try {
      JsonNode tree = MAPPER.readTree(frame);
      cache.put(frame, tree);
      return tree;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable frame: " + frame, e);
    }
  }

  private static final int CACHED = 16;
  private static final ThreadLocal<FrameCache> CACHE = ThreadLocal.withInitial(FrameCache::new);

  /** The last {@link #CACHED} frames parsed on this thread, replaced in turn. */
  private static final class FrameCache {
    private final String[] texts = new String[CACHED];
    private final JsonNode[] trees = new JsonNode[CACHED];
    private int next;

    JsonNode find(String frame) {
      for (int i = 0; i < CACHED; i++) {
        if (frame.equals(texts[i])) return trees[i];
      }
      return null;
    }

    void put(String frame, JsonNode tree) {
      texts[next] = frame;
      trees[next] = tree;
      next = (next + 1) % CACHED;
    }
  }

  /** Ardoise's form: retains, inserts and negative deletes over the whole document. */
  static void ardoiseOp(StringBuilder sb, TextOperation op) {
    sb.append('[');
    boolean first = true;
    for (Component c : op.components()) {
      if (!first) sb.append(',');
      first = false;
      if (c instanceof Component.Retain r) sb.append(r.count());
      else if (c instanceof Component.Delete d) sb.append(-d.count());
      else string(sb, ((Component.Insert) c).text());
    }
    sb.append(']');
  }

  /** text-unicode's form (ShareDB): skip counts, inserts, {"d":n} deletes, no trailing skip. */
  static void textUnicodeOp(StringBuilder sb, TextOperation op) {
    sb.append('[');
    var components = op.components();
    int end = components.size();
    if (end > 0 && components.get(end - 1) instanceof Component.Retain) end--;
    for (int i = 0; i < end; i++) {
      if (i > 0) sb.append(',');
      Component c = components.get(i);
      if (c instanceof Component.Retain r) sb.append(r.count());
      else if (c instanceof Component.Delete d) sb.append("{\"d\":").append(d.count()).append('}');
      else string(sb, ((Component.Insert) c).text());
    }
    sb.append(']');
  }

  /** Reads either form; text-unicode ops get their trailing skip up to {@code baseLength}. */
  static TextOperation readOp(JsonNode array, int baseLength) {
    TextOperation.Builder b = TextOperation.builder();
    int consumed = 0;
    for (JsonNode n : array) {
      if (n.isTextual()) {
        b.insert(n.textValue());
      } else if (n.isObject()) {
        int d = n.get("d").isInt() ? n.get("d").intValue() : n.get("d").textValue().length();
        b.delete(d);
        consumed += d;
      } else if (n.intValue() > 0) {
        b.retain(n.intValue());
        consumed += n.intValue();
      } else {
        b.delete(-n.intValue());
        consumed -= n.intValue();
      }
    }
    if (baseLength > consumed) b.retain(baseLength - consumed);
    return b.build();
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
