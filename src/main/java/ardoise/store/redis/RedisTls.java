package ardoise.store.redis;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * How {@code rediss://} connections are secured: the certificate authority that signed the Redis
 * servers' certificates (PEM; none: the JVM's trust store), and the client's own certificate and key
 * (PEM) for servers that ask for one ({@code tls-auth-clients yes}, Redis's default). The server's
 * certificate must name the host or IP address the client connects to: the address in the URL, and
 * on a cluster or behind sentinels the addresses the nodes announce. Plain {@code redis://}
 * endpoints ignore all of it. Immutable.
 */
public record RedisTls(String caPath, String certPath, String keyPath) {
  public static final RedisTls JVM_TRUST = new RedisTls(null, null, null);

  public RedisTls {
    if ((certPath == null) != (keyPath == null)) {
      throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
    }
  }

  /** {@code options} with these settings applied (a copy); TLS itself starts per URL, with {@code rediss://}. */
  NetClientOptions applyTo(NetClientOptions options) {
    NetClientOptions secured = new NetClientOptions(options)
        // Why: Vert.x checks no host name unless told; a certificate for another host must fail.
        .setHostnameVerificationAlgorithm("HTTPS");
    if (caPath != null) secured.setTrustOptions(new PemTrustOptions().addCertPath(caPath));
    if (certPath != null) secured.setKeyCertOptions(new PemKeyCertOptions().setCertPath(certPath).setKeyPath(keyPath));
    return secured;
  }
}
