package ardoise.http.assets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One file sent to browsers: its bytes, media type and a strong ETag (a hash of the bytes), with its
 * compressed forms made once, on first demand, off the event loops. Thread rule: any thread.
 */
public final class Asset {
  /** Below this size compression saves less than a packet's worth. */
  static final int MIN_COMPRESSED_BYTES = 512;

  private final byte[] bytes;
  private final String contentType;
  private final String etag;
  private final boolean compressible;
  private final boolean document;
  private final Map<Encoding, CompletableFuture<byte[]>> encoded = new EnumMap<>(Encoding.class);

  Asset(byte[] bytes, String contentType) {
    this(bytes, contentType, !contentType.startsWith("text/javascript") && !contentType.startsWith("text/css")
        && !contentType.startsWith("application/json"));
  }

  Asset(byte[] bytes, String contentType, boolean document) {
    this.document = document;
    this.bytes = bytes;
    this.contentType = contentType;
    this.etag = "\"" + hash(bytes).substring(0, 22) + "\"";
    this.compressible = bytes.length >= MIN_COMPRESSED_BYTES && MediaTypes.compressible(contentType);
  }

  public byte[] bytes() {
    return bytes;
  }

  public String contentType() {
    return contentType;
  }

  /** The ETag of the representation in {@code encoding}. */
  public String etag(Encoding encoding) {
    return encoding == Encoding.IDENTITY ? etag : etag.substring(0, etag.length() - 1) + encoding.etagSuffix + "\"";
  }

  /** Whether an {@code If-None-Match} value names this file (in any coding: they hold the same file). */
  public boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) return false;
    String bare = etag.substring(1, etag.length() - 1);
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) return true;
      if (t.startsWith("W/")) t = t.substring(2);
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.substring(1, t.length() - 1).startsWith(bare)) {
        String rest = t.substring(1 + bare.length(), t.length() - 1);
        if (rest.isEmpty() || rest.equals(Encoding.BROTLI.etagSuffix) || rest.equals(Encoding.GZIP.etagSuffix)) return true;
      }
    }
    return false;
  }

  /** The coding this file is sent in for a browser that accepts {@code wanted}. */
  public Encoding encodingFor(Encoding wanted) {
    return compressible ? wanted : Encoding.IDENTITY;
  }

  /**
   * The bytes in {@code encoding}, compressed on {@code worker} the first time they are asked for;
   * later callers share that work. A compressed form that would not be smaller is replaced by the bytes.
   */
  public CompletableFuture<byte[]> in(Encoding encoding, Executor worker) {
    if (encoding == Encoding.IDENTITY || !compressible) return CompletableFuture.completedFuture(bytes);
    synchronized (encoded) {
      return encoded.computeIfAbsent(encoding, e -> CompletableFuture.supplyAsync(() -> {
        byte[] packed = e.encode(bytes);
        return packed.length < bytes.length ? packed : bytes;
      }, worker));
    }
  }

  /**
   * Whether the file is read as a document, to which a Content-Security-Policy applies: a page, an
   * SVG (it may hold scripts), a script that runs as a worker ({@code sw.js}). Modules, styles and
   * JSON run under their page's policy.
   */
  public boolean isDocument() {
    return document;
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Base64url SHA-256 of {@code bytes}, without padding. */
  static String hash(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(bytes));
  }

  static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
