package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The little JSON both wire protocols need: parse a frame, write an op, escape a string. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The frame as a tree (read only: it may be shared). Why a cache: a server sends the same frame to
   * every member of a pad, and each real browser decodes and parses it on its own CPU; this
   * generator simulates hundreds of them on the server's own cores, so it decodes and parses each
   * distinct frame once per thread (the {@link #CACHED} frames last used) instead of once per
   * simulated client. Every target gets it. The frame stays bytes until a miss: decoding every copy
   * to a String and hashing it cost a quarter of the generator's samples on a hot pad of 300; a hit
   * reads the socket's bytes where they are, without a copy.
   */
  static JsonNode parse(Buffer frame) {
    Parsed p = parsed(frame);
    if (p.tree == null) p.tree = readTree(p.key);
    return p.tree;
  }

  /**
   * The frame as {@code decoder} turns its tree into a client's messages, decoded once per thread
   * like the tree: the clients receiving the same bytes then share the decoded ops too. The tree is
   * not kept (only what the decoder keeps of it).
   */
  @SuppressWarnings("unchecked")
  static <T> T decoded(Buffer frame, Function<JsonNode, T> decoder) {
    Parsed p = parsed(frame);
    if (p.decoded == null) p.decoded = decoder.apply(p.tree != null ? p.tree : readTree(p.key));
    return (T) p.decoded;
  }

  /** Reads one frame's messages from a parser over its bytes. */
  interface StreamDecoder<T> {
    T decode(JsonParser parser, byte[] frame) throws IOException;
  }

  /**
   * The frame as {@code decoder} reads it from a parser, cached like {@link #decoded} but with no
   * tree at all. Why: the cache keeps thousands of frames, each a batch of up to dozens of
   * messages; as trees (a map per message) they were most of the generator's live heap, so its
   * young collections copied them again and again and paused its loops for 40 to 70 ms on a pad of
   * 400 typists.
   */
  @SuppressWarnings("unchecked")
  static <T> T streamed(Buffer frame, StreamDecoder<T> decoder) {
    Parsed p = parsed(frame);
    if (p.decoded == null) {
      try (JsonParser parser = MAPPER.getFactory().createParser(p.key.bytes)) {
        p.decoded = decoder.decode(parser, p.key.bytes);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("unreadable frame: " + frame, e);
      }
    }
    return (T) p.decoded;
  }

  /** A frame's bytes and what was made of them (the cache is per thread: no lock). */
  private static final class Parsed {
    final FrameKey key;
    JsonNode tree;
    Object decoded;

    Parsed(FrameKey key) {
      this.key = key;
    }
  }

  private static JsonNode readTree(FrameKey key) {
    try {
      return MAPPER.readTree(key.bytes);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable frame: " + new String(key.bytes, StandardCharsets.UTF_8), e);
    }
  }

  private static Parsed parsed(Buffer frame) {
    ByteBuf bytes = ((BufferInternal) frame).getByteBuf();
    FrameKey probe = bytes.hasArray()
        ? new FrameKey(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes())
        : new FrameKey(frame.getBytes(), 0, frame.length());
    // Why the last frame first: a flush reaches the sockets of one thread one after the other.
    Parsed[] last = LAST.get();
    if (last[0] != null && last[0].key.equals(probe)) return last[0];
    Map<FrameKey, Parsed> cache = CACHE.get();
    Parsed hit = cache.get(probe);
    if (hit == null) {
      // Why a copy: the probe reads the socket's buffer, which Netty reuses once the handler returns.
      hit = new Parsed(new FrameKey(Arrays.copyOfRange(probe.bytes, probe.from, probe.from + probe.length), 0, probe.length));
      cache.put(hit.key, hit);
    }
    last[0] = hit;
    return hit;
  }

  /** What a client needs of a {@code joined} frame. */
  record Joined(long rev, String text) {}

  /**
   * A {@code joined} frame's revision and text, read as a stream without building its tree or
   * caching it. Why: each joiner's frame is its own (its clientId), and the authors of a long pad
   * written by hundreds of people are tens of thousands of runs; parsing them into a tree on the
   * generator's loop held its other sockets each time people joined.
   */
  static Joined joined(Buffer frame) {
    try (JsonParser p = MAPPER.getFactory().createParser(frame.getBytes())) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("not an object");
      long rev = -1;
      String text = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "rev" -> rev = p.getLongValue();
          case "text" -> text = p.getText();
          default -> p.skipChildren();
        }
      }
      if (rev < 0 || text == null) throw new IllegalStateException("no rev or text");
      return new Joined(rev, text);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable joined frame: " + frame, e);
    }
  }

  /** The frame as a tree, for a frame already decoded (tests, HTTP bodies). */
  static JsonNode parse(String frame) {
    return parse(Buffer.buffer(frame));
  }

  /**
   * Why this many: when the generator falls behind, each socket holds a backlog of the pad's last
   * flushes, and the sockets of one thread are read in turn; a cache smaller than that backlog
   * would miss on every frame just when parsing costs the most (with 16 entries, Jackson took 27%
   * of the generator's samples on a hot pad of 300: bench/results/2026-12-02.md).
   */
  private static final int CACHED = 2048;
  private static final ThreadLocal<Parsed[]> LAST = ThreadLocal.withInitial(() -> new Parsed[1]);
  private static final ThreadLocal<Map<FrameKey, Parsed>> CACHE = ThreadLocal.withInitial(() ->
      new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameKey, Parsed> eldest) {
          return size() > CACHED;
        }
      });

  /**
   * A frame's bytes as a map key. The hash samples at most 96 bytes (the head, where revisions and
   * types differ, and an even spread of the rest); equality compares every byte, so a shared
   * sample only costs a comparison, never a wrong tree.
   */
  private static final class FrameKey {
    final byte[] bytes;
    final int from;
    final int length;
    private final int hash;

    FrameKey(byte[] bytes, int from, int length) {
      this.bytes = bytes;
      this.from = from;
      this.length = length;
      int h = length;
      int head = Math.min(32, length);
      for (int i = 0; i < head; i++) h = 31 * h + bytes[from + i];
      int step = Math.max(1, length / 64);
      for (int i = head; i < length; i += step) h = 31 * h + bytes[from + i];
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FrameKey k && k.hash == hash
          && Arrays.equals(k.bytes, k.from, k.from + k.length, bytes, from, from + length);
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

  /** Reads an op in Ardoise's form from {@code parser}, which is at the op's opening bracket. */
  static TextOperation readArdoiseOp(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) throw new IllegalStateException("an op is an array, not " + parser.currentToken());
    TextOperation.Builder b = TextOperation.builder();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == JsonToken.VALUE_STRING) {
        b.insert(parser.getText());
      } else if (t == JsonToken.VALUE_NUMBER_INT) {
        int n = parser.getIntValue();
        if (n > 0) b.retain(n);
        else b.delete(-n);
      } else {
        throw new IllegalStateException("not a component of an op: " + t);
      }
    }
    return b.build();
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
