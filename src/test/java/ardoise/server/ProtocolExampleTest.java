package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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

  /** Every ```session block of docs/protocol.md, in order, without blank lines. */
  static List<List<String>> sessions() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("docs", "protocol.md"));
    List<List<String>> sessions = new ArrayList<>();
    List<String> current = null;
    for (String line : lines) {
      if (current == null) {
        if (line.equals("```session")) current = new ArrayList<>();
      } else if (line.equals("```")) {
        sessions.add(current);
        current = null;
      } else if (!line.isBlank()) {
        current.add(line);
      }
    }
    assertTrue(current == null, "a ```session block is not closed");
    assertTrue(!sessions.isEmpty(), "docs/protocol.md has no ```session block");
    return sessions;
  }

  static List<String> sessionLines() throws Exception {
    return sessions().get(0);
  }

  @Test
  void exampleSessionMatchesTheServer() throws Exception {
    List<String> lines = sessionLines();
    assertTrue(lines.size() > 20, "the example is suspiciously short");
    replay(lines);
  }

  @Test
  void batchExampleMatchesTheServer() throws Exception {
    List<List<String>> sessions = sessions();
    assertEquals(2, sessions.size(), "the main example and the batch example");
    assertTrue(sessions.get(1).stream().anyMatch(l -> l.contains("\"type\":\"batch\"")), "the second example shows batch frames");
    replay(sessions.get(1));
  }

  private static void replay(List<String> lines) throws Exception {
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
    if (expected.getString("type").equals("chat")) {
      // When a message was stored is the server's clock: any time until now will do.
      actual = actual.copy();
      for (JsonArray messages : List.of(expected.getJsonArray("messages"), actual.getJsonArray("messages"))) {
        for (Object m : messages) {
          long time = ((JsonObject) m).getLong("time");
          assertTrue(time > 0 && time <= System.currentTimeMillis(), where + ": time " + time);
          ((JsonObject) m).remove("time");
        }
      }
    }
    assertEquals(expected, actual, where);
  }
}
