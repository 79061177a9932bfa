package ardoise.http.share;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as SVG: one path of unit squares on a white square with the standard 4-module quiet
 * zone. Error correction Q (25 % of the code may be lost: glare on a projector screen, a head in
 * front of it). The SVG has no fixed size; the page scales it, crisp at any size.
 */
public final class QrSvg {
  private static final int QUIET_ZONE = 4;

  private QrSvg() {}

  /** The SVG document encoding {@code text}. */
  public static String of(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.QUARTILE);
    int size = qr.size + 2 * QUIET_ZONE;
    StringBuilder path = new StringBuilder(qr.size * qr.size * 4);
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
        }
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" "
        + "shape-rendering=\"crispEdges\" role=\"img\">"
        + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
        + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
  }
}
