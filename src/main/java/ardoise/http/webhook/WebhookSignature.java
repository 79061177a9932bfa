package ardoise.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Ardoise-Signature} header of a webhook: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>},
 * the HMAC of {@code "<t>.<body>"} under ARDOISE_WEBHOOK_SECRET. The receiver recomputes it and
 * compares in constant time; the time in it lets the receiver refuse an old delivery replayed
 * (docs/api.md, "Webhooks"). Safe from any thread.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
