package ardoise.server;

import ardoise.http.assets.Encoding;
import io.netty.handler.codec.compression.CompressionOptions;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Compression of the responses made per request (JSON of the API, history, QR codes' SVG, text
 * exports): Brotli at a fast quality when it loads here, else gzip. The pages' files are compressed
 * once ahead ({@code ardoise.http.assets}) and marked so that this leaves them alone.
 *
 * <p>Why a threshold of 1 KiB: small answers gain less than a packet, and the small JSON answers
 * that carry a capability (an owner token, a read-only id) are then never compressed, which keeps
 * compression-length attacks (BREACH) away from them.
 */
final class DynamicCompression {
  static final int MIN_BYTES = 1024;
  /** Brotli quality for bodies made per request: 4 costs about what gzip 6 does and packs tighter. */
  static final int BROTLI_QUALITY = 4;

  private DynamicCompression() {}

  static HttpServerOptions on(HttpServerOptions options) {
    List<CompressionOptions> compressors = new ArrayList<>();
    if (Encoding.brotliAvailable()) {
      compressors.add(StandardCompressionOptions.brotli(BROTLI_QUALITY, 22, io.netty.handler.codec.compression.BrotliMode.TEXT));
    }
    compressors.add(StandardCompressionOptions.gzip(6, 15, 8));
    return options.setCompressionSupported(true).setCompressionContentSizeThreshold(MIN_BYTES).setCompressors(compressors);
  }
}
