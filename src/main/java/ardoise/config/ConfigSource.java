package ardoise.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Reads a config.json (the bundled one, or the operator's) into values keyed by environment variable name, rejecting unknown keys. */
final class ConfigSource {
  private static final String BUNDLED = "/conf/config.json";

  private ConfigSource() {}

  /** The copy in the jar (or target/classes): the defaults, as committed in conf/config.json. */
  static Map<String, String> readBundled() {
    try (InputStream in = ConfigSource.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new ConfigException(BUNDLED + " is missing from the class path: build with Maven");
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED + " (bundled)");
    } catch (IOException e) {
      throw new ConfigException(BUNDLED + " cannot be read: " + e.getMessage());
    }
  }

  static Map<String, String> readFile(Path file) {
    if (file == null || !Files.exists(file)) return new HashMap<>();
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static Map<String, String> read(String json, String file) {
    Map<String, String> values = new HashMap<>();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Where, not what: the parser's message quotes the text it stumbled on, which may be a secret.
      var at = e.getLocation();
      throw new ConfigException(file + " is not valid JSON" + (at == null ? ""
          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (root == null || !root.isObject()) throw new ConfigException(file + " must hold a JSON object");
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      Setting s = byKey(f.getKey(), file);
      JsonNode v = f.getValue();
      if (v.isNull()) continue;
      if (!v.isValueNode()) throw new ConfigException(file + ": \"" + f.getKey() + "\" must be a string or a number");
      values.put(s.env, v.asText());
    }
    return values;
  }

  private static Setting byKey(String key, String file) {
    for (Setting s : Setting.values()) {
      if (s.key.equals(key)) return s;
    }
    throw new ConfigException(file + ": unknown setting \"" + key + "\"");
  }
}
