package ardoise.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Reads conf/config.json into values keyed by environment variable name, rejecting unknown keys. */
final class ConfigSource {
  private ConfigSource() {}

  static Map<String, String> readFile(Path file) {
    Map<String, String> values = new HashMap<>();
    if (file == null || !Files.exists(file)) return values;
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Where, not what: the parser's message quotes the text it stumbled on, which may be a secret.
      var at = e.getLocation();
      throw new ConfigException(file + " is not valid JSON" + (at == null ? ""
          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
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

  private static Setting byKey(String key, Path file) {
    for (Setting s : Setting.values()) {
      if (s.key.equals(key)) return s;
    }
    throw new ConfigException(file + ": unknown setting \"" + key + "\"");
  }
}
