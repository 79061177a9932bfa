package ardoise.ot;

import ardoise.testing.OtGen;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the shared OT test vectors ({@code src/test/resources/ot-vectors.json}) that the
 * JavaScript core is checked against, so both cores agree case by case. Deterministic: a fixed seed,
 * stable ordering, one case per line. Run {@code main} (or OtVectorsTest with -Dvectors.write=true)
 * to rewrite the file after a deliberate change of the Java core.
 */
public final class OtVectors {
  static final long SEED = 20261123L;
  static final int CASES = 250;
  static final Path FILE = Path.of("src", "test", "resources", "ot-vectors.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OtGen gen = new OtGen(SEED);

  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }

  /** The whole file content. */
  static String generate() {
    OtVectors v = new OtVectors();
    Map<String, List<?>> sections = new LinkedHashMap<>();
    sections.put("apply", v.cases(v::applyCase));
    sections.put("applyErrors", v.cases(v::applyErrorCase));
    sections.put("compose", v.cases(v::composeCase));
    sections.put("transform", v.cases(v::transformCase));
    sections.put("invert", v.cases(v::invertCase));
    sections.put("transformIndex", v.cases(v::transformIndexCase));
    sections.put("parseErrors", parseErrors());
    sections.put("attribution", v.cases(v::attributionCase));
    StringBuilder sb = new StringBuilder();
    sb.append("{\"generatedBy\":\"ardoise.ot.OtVectors\",\"seed\":").append(SEED);
    sections.forEach((name, cases) -> {
      sb.append(",\n\"").append(name).append("\":[");
      for (int i = 0; i < cases.size(); i++) {
        sb.append(i == 0 ? "\n " : ",\n ").append(write(cases.get(i)));
      }
      sb.append("\n]");
    });
    return sb.append("}\n").toString();
  }

  private List<Object> cases(java.util.function.IntFunction<Object> make) {
    List<Object> out = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) out.add(make.apply(i));
    return out;
  }

  private String doc(int i) {
    return gen.text(i % 17);
  }

  private Object applyCase(int i) {
    String doc = doc(i);
    TextOperation op = gen.op(doc);
    return map("doc", doc, "op", wire(op), "result", op.apply(doc));
  }

  private Object applyErrorCase(int i) {
    if (i % 2 == 0) {
      String doc = doc(i);
      String other;
      do other = gen.text(gen.nextInt(12)); while (other.length() == doc.length());
      TextOperation op = gen.op(other);
      return mustFail(doc, op, "base length mismatch");
    }
    String doc = gen.text(gen.nextInt(6)) + "😀" + gen.text(gen.nextInt(6));
    List<Integer> inside = new ArrayList<>();
    for (int p = 1; p < doc.length(); p++) if (!OtGen.isBoundary(doc, p)) inside.add(p);
    int cut = inside.get(gen.nextInt(inside.size()));
    TextOperation.Builder b = TextOperation.builder().retain(cut);
    switch (gen.nextInt(3)) {
      case 0 -> b.delete(doc.length() - cut);
      case 1 -> b.insert(gen.nonEmptyText(3)).retain(doc.length() - cut);
      default -> b.delete(1).retain(doc.length() - cut - 1);
    }
    if (gen.chance(50)) {
      TextOperation.Builder flipped = TextOperation.builder().delete(cut).retain(doc.length() - cut);
      b = gen.chance(50) ? flipped : b;
    }
    return mustFail(doc, b.build(), "splits a surrogate pair");
  }

  private Object mustFail(String doc, TextOperation op, String why) {
    try {
      op.apply(doc);
    } catch (InvalidOperationException expected) {
      return map("doc", doc, "op", wire(op), "why", why);
    }
    throw new IllegalStateException("expected " + op + " to fail on " + doc);
  }

  private Object composeCase(int i) {
    String doc = doc(i);
    TextOperation a = gen.op(doc);
    TextOperation b = gen.op(a.apply(doc));
    return map("doc", doc, "a", wire(a), "b", wire(b), "result", wire(a.compose(b)));
  }

  private Object transformCase(int i) {
    String doc = doc(i);
    TextOperation a = gen.op(doc);
    TextOperation b = gen.op(doc);
    TextOperation.Transformed t = TextOperation.transform(a, b);
    return map("doc", doc, "a", wire(a), "b", wire(b), "aPrime", wire(t.aPrime()), "bPrime", wire(t.bPrime()));
  }

  private Object invertCase(int i) {
    String doc = doc(i);
    TextOperation op = gen.op(doc);
    return map("doc", doc, "op", wire(op), "result", wire(op.invert(doc)));
  }

  private Object transformIndexCase(int i) {
    String doc = doc(i);
    TextOperation op = gen.op(doc);
    int index = gen.boundaryIn(doc);
    return map("op", wire(op), "index", index, "result", op.transformIndex(index));
  }

  private Object attributionCase(int i) {
    AttributedText doc = gen.attributed(i % 5);
    TextOperation op = gen.op(doc.text());
    String author = gen.author();
    AttributedText result = doc.apply(op, author);
    return map("doc", doc.text(), "runs", runs(doc), "op", wire(op), "author", author,
        "result", map("text", result.text(), "runs", runs(result)));
  }

  /** Raw JSON texts that both cores must reject as ops. */
  static List<Object> parseErrors() {
    return List.of("[0]", "[1.5]", "[5.0]", "[null]", "[[1]]", "[{}]", "{}", "[\"\"]", "[2147483648]",
        "[-2147483648]", "[99999999999999999999]", "\"x\"", "5", "null", "[true]", "[false]",
        "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"a\\ud83d\"]", "[\"\\ude00\\ud83d\"]", "[1e3]", "[-0.5]",
        "[3,{\"retain\":2}]", "[\"ok\",[\"nested\"]]");
  }

  static List<Object> runs(AttributedText t) {
    List<Object> out = new ArrayList<>();
    for (AuthorRun r : t.runs()) out.add(List.of(r.length(), r.author()));
    return out;
  }

  static List<Object> wire(TextOperation op) {
    return OpJson.toJsonValues(op);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
