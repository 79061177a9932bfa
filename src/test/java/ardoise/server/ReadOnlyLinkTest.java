package ardoise.server;

import ardoise.protocol.ClientSecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.share.QrDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read-only links against the real server: the links endpoint, the read-only socket (listens,
 * never writes, counted as a viewer), the pages and the QR codes.
 */
class ReadOnlyLinkTest {
  private ServerFixture server = ServerFixture.start(Map.of());

  @AfterEach
  void stop() {
    server.close();
  }

  /** The links of {@code pad}, written first: a pad gets its read-only link with its first edit. */
  private JsonObject links(String pad) {
    write(pad);
    return linksAsTheyAre(pad);
  }

  private void write(String pad) {
    write(pad, null);
  }

  private void write(String pad, String origin) {
    WsClient writer = server.connect("/ws/" + pad, origin);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "x");
    writer.next("ack");
    writer.close();
  }

  private JsonObject linksAsTheyAre(String pad) {
    ServerFixture.Response r = server.get("/api/pads/" + pad + "/links");
    assertEquals(200, r.status(), r.text());
    assertEquals("no-store", r.header("Cache-Control"));
    return new JsonObject(r.text());
  }

  private static String path(String url) {
    return url.replaceFirst("^https?://[^/]+", "");
  }

  @Test
  void theLinksAreAbsoluteWorkAndKeepTheirReadOnlyId() {
    JsonObject links = links("atelier-%E4%BC%9A%E8%AD%B0");
    String base = "http://127.0.0.1:" + server.app.port();
    assertEquals(base + "/p/atelier-%E4%BC%9A%E8%AD%B0", links.getString("edit"));
    assertEquals(base + "/p/atelier-%E4%BC%9A%E8%AD%B0/projector", links.getString("projector"));
    assertEquals(base + "/p/atelier-%E4%BC%9A%E8%AD%B0/qr.svg", links.getString("qr"));
    assertTrue(links.getString("readOnly").matches("\\Q" + base + "/r/\\E[A-Za-z0-9_-]{22}"), links.encode());
    assertFalse(links.getString("readOnly").contains("atelier"), "not derived from the name");
    for (String key : List.of("edit", "readOnly", "projector", "qr", "readOnlyQr")) {
      assertEquals(200, server.get(path(links.getString(key))).status(), key);
    }
    assertEquals(links, linksAsTheyAre("atelier-%E4%BC%9A%E8%AD%B0"), "created once");
    assertFalse(links.getString("readOnly").equals(links("autre").getString("readOnly")));
  }

  @Test
  void theConfiguredPublicUrlWinsOverTheHost() {
    server.close();
    server = ServerFixture.start(Map.of("ARDOISE_PUBLIC_URL", "https://ardoise.example.org/"));
    write("salle", "https://ardoise.example.org");
    JsonObject links = linksAsTheyAre("salle");
    assertEquals("https://ardoise.example.org/p/salle", links.getString("edit"));
    assertTrue(links.getString("readOnly").startsWith("https://ardoise.example.org/r/"));
  }

  @Test
  void theQrCodesDecodeToTheJoinAndReadOnlyLinks() throws Exception {
    JsonObject links = links("qr-salle");
    ServerFixture.Response qr = server.get("/p/qr-salle/qr.svg");
    assertEquals(200, qr.status());
    assertEquals("image/svg+xml; charset=utf-8", qr.header("Content-Type"));
    assertTrue(qr.header("Cache-Control").contains("max-age="), qr.header("Cache-Control"));
    assertEquals(links.getString("edit"), QrDecoder.decode(qr.text()));
    assertEquals(links.getString("readOnly"), QrDecoder.decode(server.get(path(links.getString("readOnlyQr"))).text()));
  }

  @Test
  void unknownReadOnlyLinksAreRefused() {
    assertEquals(404, server.get("/r/AAAAAAAAAAAAAAAAAAAAAA").status());
    assertEquals(404, server.get("/r/AAAAAAAAAAAAAAAAAAAAAA/qr.svg").status());
    assertEquals(404, server.get("/r/x").status());
    assertEquals(400, server.get("/p/a%2Fb/projector").status());
    RawWebSocket.Refusal ws = server.refusedSocket("/ws/r/AAAAAAAAAAAAAAAAAAAAAA");
    assertEquals("bad-pad-name", ws.errorCode());
    assertEquals(1008, ws.closeStatus());
  }

  @Test
  void aPadNeverWrittenHasNoReadOnlyLinkYet() {
    JsonObject links = linksAsTheyAre("pas-encore");
    assertTrue(links.containsKey("readOnly") && links.getString("readOnly") == null, links.encode());
    assertTrue(links.containsKey("readOnlyQr") && links.getString("readOnlyQr") == null, links.encode());
    assertTrue(links.getString("edit").endsWith("/p/pas-encore"), links.encode());
    assertEquals(200, server.get(path(links.getString("qr"))).status(), "the join QR code works from the start");
  }

  /** The projector reads by name on a read-only socket: an empty pad (no read-only id yet) opens, nothing is written. */
  @Test
  void theProjectorSocketReadsAPadNobodyWroteInAndWritesNothing() {
    WsClient projector = server.connect("/ws/au-mur/projector", null);
    assertEquals(0L, projector.join(ServerFixture.newClientId()).getLong("rev"));
    projector.op(0, 1, "Piraté").nextError("read-only");
    WsClient writer = server.connect("au-mur");
    writer.join(ServerFixture.newClientId());
    assertEquals(1, writer.nextPresence().getInteger("viewers"), "the projector counts as a viewer");
    writer.op(0, 1, "Bonjour").next("ack");
    assertEquals(new JsonArray(List.of("Bonjour")), projector.next("op").getJsonArray("op"));
    assertEquals(1, server.store.load("au-mur").await().tail().size(), "the writer's op only");
  }

  @Test
  void aReadOnlySocketListensButEveryWriteIsRefusedAndChangesNothing() {
    WsClient writer = server.connect("lecture");
    String writerId = ServerFixture.newClientId();
    writer.join(writerId);
    writer.nextPresence();
    writer.op(0, 1, "Bonjour").next("ack");
    String readOnlyId = path(linksAsTheyAre("lecture").getString("readOnly")).substring(3);

    WsClient viewer = server.connect("/ws/r/" + readOnlyId, null);
    JsonObject joined = viewer.join(ServerFixture.newClientId());
    assertEquals("Bonjour", joined.getString("text"));
    JsonObject seen = writer.nextPresence();
    assertEquals(1, seen.getJsonArray("members").size(), "the viewer is not listed as a writer");
    assertEquals(ClientSecrets.clientId(writerId), seen.getJsonArray("members").getJsonObject(0).getString("clientId"));
    assertEquals(1, seen.getInteger("viewers"), "but counted as a viewer");
    assertEquals(1, viewer.nextPresence().getInteger("viewers"));

    JsonObject refused = viewer.op(1, 1, -7, "Piraté").nextError("read-only");
    assertEquals(1, refused.getLong("seq"));
    viewer.send(new JsonObject().put("type", "cursor").put("rev", 1).put("anchor", 0).put("head", 3)).nextError("read-only");
    viewer.send(new JsonObject().put("type", "profile").put("name", "Intrus").put("color", "#000000")).nextError("read-only");
    assertFalse(viewer.isClosed(), "the socket stays open");

    writer.op(1, 2, 7, " à tous").next("ack");
    JsonObject op = viewer.next("op");
    assertEquals(2, op.getLong("rev"));
    assertEquals(new JsonArray(List.of(7, " à tous")), op.getJsonArray("op"));
    assertNull(writer.frames.poll(), "the writer saw no cursor, op or profile of the viewer: " + writer.frames);
    assertEquals("Bonjour à tous", server.store.load("lecture").map(p -> {
      String text = p.snapshot().doc().text();
      for (var r : p.tail()) text = r.op().apply(text);
      return text;
    }).await());
  }
}
