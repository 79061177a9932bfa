package ardoise.http.assets;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings a file is sent in: Brotli when the browser offers it and its native library
 * loads on this machine, else gzip, else the bytes as they are. Files are compressed once at the
 * highest settings (they are sent many times), never per request.
 */
public enum Encoding {
  BROTLI("br", "-br"),
  GZIP("gzip", "-gz"),
  IDENTITY(null, "");

  /** Why not 11: quality 11 is ten times slower for about 3 % fewer bytes on our modules. */
  static final int BROTLI_QUALITY = 10;
  private static final boolean BROTLI_LOADS = brotliLoads();

  /** The Content-Encoding value, null for none. */
  public final String header;
  /** Added to the file's ETag: each coding is a different representation. */
  final String etagSuffix;

  Encoding(String header, String etagSuffix) {
    this.header = header;
    this.etagSuffix = etagSuffix;
  }

  /** Whether Brotli's native library loaded here (it exists for Linux x86-64 and ARM64 in the jar). */
  public static boolean brotliAvailable() {
    return BROTLI_LOADS;
  }

  /**
   * The best coding an {@code Accept-Encoding} value allows. A coding listed with {@code q=0} is
   * refused; {@code *} stands for any coding not listed.
   */
  public static Encoding negotiate(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) return IDENTITY;
    boolean br = false;
    boolean gzip = false;
    Boolean any = null;
    boolean brListed = false;
    boolean gzipListed = false;
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] fields = part.split(";");
      String name = fields[0].strip();
      boolean accepted = !refused(fields);
      switch (name) {
        case "br" -> { br = accepted; brListed = true; }
        case "gzip", "x-gzip" -> { gzip = accepted; gzipListed = true; }
        case "*" -> any = accepted;
        default -> { }
      }
    }
    if (any != null) {
      if (!brListed) br = any;
      if (!gzipListed) gzip = any;
    }
    if (br && BROTLI_LOADS) return BROTLI;
    if (gzip) return GZIP;
    return IDENTITY;
  }

  private static boolean refused(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String p = fields[i].strip();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /** {@code bytes} in this coding. CPU-bound: call off the event loops. */
  byte[] encode(byte[] bytes) {
    try {
      switch (this) {
        case BROTLI:
          return Encoder.compress(bytes, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        case GZIP: {
          ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
          try (GZIPOutputStream gzip = new GZIPOutputStream(out) { { def.setLevel(Deflater.BEST_COMPRESSION); } }) {
            gzip.write(bytes);
          }
          return out.toByteArray();
        }
        default:
          return bytes;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean brotliLoads() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      System.getLogger(Encoding.class.getName()).log(System.Logger.Level.INFO,
          "Brotli is not available on this machine ({0}); files are sent with gzip", e.toString());
      return false;
    }
  }
}
