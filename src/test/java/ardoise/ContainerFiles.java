package ardoise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code Dockerfile} and {@code compose.yaml} as data, so tests check what the image
 * and the compose file will do (and run their commands directly: no container engine is needed).
 */
final class ContainerFiles {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:\\?[^}]*)?}");

  /** The Dockerfile's instructions, continuation lines joined, comments dropped: [INSTRUCTION, rest]. */
  static List<String[]> dockerfile() throws IOException {
    List<String[]> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
      String l = line.strip();
      if (l.startsWith("#") || (l.isEmpty() && current.isEmpty())) continue;
      boolean continues = l.endsWith("\\");
      current.append(continues ? l.substring(0, l.length() - 1) : l).append(' ');
      if (!continues) {
        String[] parts = current.toString().strip().split("\\s+", 2);
        instructions.add(new String[] {parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""});
        current.setLength(0);
      }
    }
    return instructions;
  }

  /** The arguments of the instructions named {@code name}, in order. */
  static List<String> instruction(String name) throws IOException {
    return dockerfile().stream().filter(i -> i[0].equals(name)).map(i -> i[1]).toList();
  }

  /** The last ENTRYPOINT, in exec (JSON) form. */
  static List<String> entrypoint() throws IOException {
    return jsonArray(last(instruction("ENTRYPOINT")));
  }

  /** The HEALTHCHECK's command, in exec (JSON) form. */
  static List<String> healthCheck() throws IOException {
    String h = last(instruction("HEALTHCHECK"));
    return jsonArray(h.substring(h.indexOf("CMD ") + 4));
  }

  /** Every ENV of the runtime stage (the last FROM on). */
  static Map<String, String> runtimeEnv() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String[] i : dockerfile()) {
      if (i[0].equals("FROM")) env.clear();
      if (!i[0].equals("ENV")) continue;
      for (String pair : i[1].split("\\s+")) {
        int eq = pair.indexOf('=');
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return env;
  }

  /** compose.yaml, with {@code ${NAME}} and {@code ${NAME:?message}} replaced from {@code variables}. */
  static JsonNode compose(Map<String, String> variables) throws IOException {
    Matcher m = VARIABLE.matcher(Files.readString(Path.of("compose.yaml")));
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) throw new AssertionError("compose.yaml needs " + m.group(1));
      m.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    m.appendTail(text);
    return new YAMLMapper().readTree(text.toString());
  }

  /** A service's environment as a map (compose allows a map or a list of NAME=value). */
  static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode e = service.path("environment");
    if (e.isArray()) {
      e.forEach(n -> env.put(n.asText().split("=", 2)[0], n.asText().split("=", 2)[1]));
    } else {
      e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
    }
    return env;
  }

  private static List<String> jsonArray(String json) throws IOException {
    List<String> list = new ArrayList<>();
    new ObjectMapper().readTree(json.strip()).forEach(n -> list.add(n.asText()));
    return list;
  }

  private static String last(List<String> values) {
    if (values.isEmpty()) throw new AssertionError("the Dockerfile has no such instruction");
    return values.get(values.size() - 1);
  }
}
