package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ardoise.http.share.LanAddresses;
import ardoise.http.share.QrDecoder;
import ardoise.store.InMemoryPadStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Share links and QR codes of a pad opened through loopback use the server's LAN address (fixed interfaces here). */
class LanLinksTest {
  private final ServerFixture server = ServerFixture.start(Map.of(), new InMemoryPadStore(), LanAddresses.fixed(List.of(
      new LanAddresses.Nic("eth0", true, false, false, List.of(address("10.0.0.5"))),
      new LanAddresses.Nic("wlan0", true, false, false, List.of(address("192.168.1.20"))))));
  private final HttpCalls http = new HttpCalls(server.app.port());
  private final int port = server.app.port();

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLoopbackRequestGetsLinksOnTheBestLanAddressAndTheChoices() throws Exception {
    JsonObject links = http.getAs("localhost:" + port, "/api/pads/%D1%81%D0%BE%D0%B2%D0%B5%D1%82/links").json();
    String lan = "http://192.168.1.20:" + port;
    assertEquals(lan + "/p/%D1%81%D0%BE%D0%B2%D0%B5%D1%82", links.getString("edit"));
    assertEquals(true, links.getBoolean("lan"));
    assertEquals(new JsonArray().add("192.168.1.20:" + port).add("10.0.0.5:" + port), links.getJsonArray("addresses"));
    assertEquals("192.168.1.20:" + port, links.getString("address"));
    assertEquals(lan + "/p/%D1%81%D0%BE%D0%B2%D0%B5%D1%82",
        QrDecoder.decode(http.getAs("127.0.0.1:" + port, "/p/%D1%81%D0%BE%D0%B2%D0%B5%D1%82/qr.svg").text()),
        "the projector's QR code follows the default");

    WsClient writer = server.connect("conseil"); // a pad gets its read-only link with its first edit
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "x").next("ack");
    JsonObject picked = http.getAs("localhost:" + port, "/api/pads/conseil/links?host=10.0.0.5:" + port).json();
    assertEquals("http://10.0.0.5:" + port + "/p/conseil", picked.getString("edit"));
    assertEquals("http://10.0.0.5:" + port + "/p/conseil",
        QrDecoder.decode(http.getAs("localhost:" + port, "/p/conseil/qr.svg?host=10.0.0.5:" + port).text()));
    HttpCalls.Answer qr = http.getAs("localhost:" + port, "/p/conseil/qr.svg");
    assertEquals("no-cache", qr.headers().get("Cache-Control"), "the network may change");
    assertEquals("http://192.168.1.20:" + port + "/p/conseil",
        http.getAs("localhost:" + port, "/api/pads/conseil/links?host=evil.example:80").json().getString("edit"));
    String readOnlyQr = http.getAs("localhost:" + port, "/r/" + lastSegment(picked.getString("readOnly")) + "/qr.svg").text();
    assertEquals("http://192.168.1.20:" + port + "/r/" + lastSegment(picked.getString("readOnly")), QrDecoder.decode(readOnlyQr));
  }

  @Test
  void aRequestOnAnotherAddressKeepsIt() {
    JsonObject links = http.getAs("10.0.0.5:" + port, "/api/pads/conseil/links").json();
    assertEquals("http://10.0.0.5:" + port + "/p/conseil", links.getString("edit"));
    assertFalse(links.getBoolean("lan"));
    assertEquals(new JsonArray(), links.getJsonArray("addresses"));
  }

  private static String lastSegment(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
