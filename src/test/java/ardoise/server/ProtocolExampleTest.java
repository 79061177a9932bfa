package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Replays the example session of docs/protocol.md, read from the markdown itself, against the real server. */
class ProtocolExampleTest {

  static List<String> sessionLines() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("docs", "protocol.md"));
    int start = lines.indexOf("```session");
    assertTrue(start >= 0, "docs/protocol.md has no ```session block");
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.equals("```")) return out;
      if (!line.isBlank()) out.add(line);
    }
    throw new AssertionError("the ```session block is not closed");
  }

  @Test
  void exampleSessionMatchesTheServer() throws Exception {
    List<String> lines = sessionLines();
    assertTrue(lines.size() > 20, "the example is suspiciously short");
    try (ServerFixture server = ServerFixture.start(Map.of())) {
      Map<String, WsClient> clients = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String who = line.substring(0, 1);
        String rest = line.substring(3);
        switch (line.substring(1, 2)) {
          case ">" -> clients.computeIfAbsent(who, w -> server.connect("exemple")).sendRaw(rest);
          case "<" -> expect(clients.get(who), new JsonObject(rest), "line " + (i + 1) + ": " + line);
          case ":" -> {
            assertEquals("close", rest.strip());
            clients.get(who).close();
          }
          default -> throw new AssertionError("cannot read session line " + line);
        }
      }
      for (Map.Entry<String, WsClient> c : clients.entrySet()) {
        assertTrue(c.getValue().all.isEmpty(), c.getKey() + " got frames the example does not show: " + c.getValue().all);
      }
    }
  }

  private static void expect(WsClient client, JsonObject expected, String where) throws InterruptedException {
    JsonObject actual = client.all.poll(WsClient.WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(actual, where + ": nothing arrived");
    if (expected.getString("type").equals("error")) {
      // The message is human text that may change; code and seq are the contract.
      expected.remove("message");
      actual = actual.copy();
      assertNotNull(actual.remove("message"), where + ": an error frame needs a message");
    }
    assertEquals(expected, actual, where);
  }
}
