package ardoise.http.share;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads our QR SVGs back the way a phone would: the SVG's squares are painted into pixels (the
 * parser understands exactly the shapes {@link QrSvg} writes, and fails on anything else), then
 * ZXing decodes the picture.
 */
public final class QrDecoder {
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern PATH = Pattern.compile("<path d=\"([^\"]*)\" fill=\"#000000\"/>");
  private static final Pattern SQUARE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
  private static final int SCALE = 6;

  private QrDecoder() {}

  /** The text encoded in {@code svg}. */
  public static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    if (!box.find()) throw new AssertionError("no viewBox in " + svg);
    int size = Integer.parseInt(box.group(1));
    boolean[][] dark = modules(svg, size);
    int px = size * SCALE;
    int[] pixels = new int[px * px];
    for (int y = 0; y < px; y++) {
      for (int x = 0; x < px; x++) pixels[y * px + x] = dark[y / SCALE][x / SCALE] ? 0xFF000000 : 0xFFFFFFFF;
    }
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(px, px, pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
  }

  /** The dark modules, including the (empty) quiet zone. */
  static boolean[][] modules(String svg, int size) {
    Matcher path = PATH.matcher(svg);
    if (!path.find()) throw new AssertionError("no module path in " + svg);
    String d = path.group(1);
    boolean[][] dark = new boolean[size][size];
    Matcher sq = SQUARE.matcher(d);
    int consumed = 0;
    while (sq.find()) {
      if (sq.start() != consumed) throw new AssertionError("unexpected path data at " + consumed);
      dark[Integer.parseInt(sq.group(2))][Integer.parseInt(sq.group(1))] = true;
      consumed = sq.end();
    }
    if (consumed != d.length()) throw new AssertionError("unexpected path data at " + consumed);
    return dark;
  }
}
