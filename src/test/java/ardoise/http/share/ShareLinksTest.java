package ardoise.http.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Link building, read-only ids and the QR SVG, without a server. */
class ShareLinksTest {

  @Test
  void linksStartWithThePublicUrlElseTheRequestsHost() {
    assertEquals("https://ardoise.example.org", ShareLinks.base("https://ardoise.example.org", "http", "10.0.0.5:9000"));
    assertEquals("http://10.0.0.5:9000", ShareLinks.base(null, "http", "10.0.0.5:9000"));
    assertEquals("https://pad.local", ShareLinks.base(null, "https", "PAD.local"));
    assertEquals("http://[::1]:9000", ShareLinks.base(null, "http", "[::1]:9000"));
  }

  @Test
  void aHostHeaderThatIsNotAHostGivesNoLinks() {
    assertNull(ShareLinks.base(null, "http", null));
    assertNull(ShareLinks.base(null, "http", "evil.example/\"><script>"));
    assertNull(ShareLinks.base(null, "http", "a b"));
    assertNull(ShareLinks.base(null, "http", "host:99999999"));
  }

  @Test
  void padNamesArePercentEncodedInLinks() {
    ShareLinks l = ShareLinks.of("http://h", "atelier-été", "ABCDEFGHIJKLMNOPQRSTUV");
    assertEquals("http://h/p/atelier-%C3%A9t%C3%A9", l.edit());
    assertEquals("http://h/p/atelier-%C3%A9t%C3%A9/projector", l.projector());
    assertEquals("http://h/p/atelier-%C3%A9t%C3%A9/qr.svg", l.qr());
    assertEquals("http://h/r/ABCDEFGHIJKLMNOPQRSTUV", l.readOnly());
    assertEquals("http://h/r/ABCDEFGHIJKLMNOPQRSTUV/qr.svg", l.readOnlyQr());
  }

  @Test
  void readOnlyIdsAre22RandomUrlSafeCharacters() {
    ReadOnlyIds ids = new ReadOnlyIds();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = ids.next();
      assertEquals(22, id.length(), id);
      assertTrue(ReadOnlyIds.hasShape(id), id);
      assertTrue(seen.add(id), "repeated id " + id);
    }
    assertFalse(ReadOnlyIds.hasShape("short"));
    assertFalse(ReadOnlyIds.hasShape("../../etc/passwd-xxxxxxxx"));
  }

  @Test
  void theQrSvgDecodesToItsTextWithAQuietZone() throws Exception {
    String url = "https://ardoise.example.org/p/atelier-%C3%A9t%C3%A9";
    String svg = QrSvg.of(url);
    assertEquals(url, QrDecoder.decode(svg));
    int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1"));
    boolean[][] dark = QrDecoder.modules(svg, size);
    for (int i = 0; i < size; i++) {
      for (int q = 0; q < 4; q++) {
        assertFalse(dark[q][i] || dark[size - 1 - q][i] || dark[i][q] || dark[i][size - 1 - q], "quiet zone at " + q + "," + i);
      }
    }
    assertNotEquals(QrSvg.of(url + "x"), svg);
  }
}
