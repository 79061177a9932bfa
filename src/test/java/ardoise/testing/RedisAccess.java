package ardoise.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a test's redis-server processes are reached: open (no password, plain TCP), or secured with
 * a password ({@code requirepass}, {@code masterauth}) and TLS only ({@code port 0}, a TLS port,
 * replication and cluster bus over TLS, client certificates required), with a certificate
 * authority and certificates made for the test by {@code openssl}. Gives the server arguments,
 * the sentinel lines, the redis-cli flags, the URLs and the Ardoise settings that go with it.
 */
public record RedisAccess(String password, Path tlsDir) {
  public static final RedisAccess OPEN = new RedisAccess(null, null);

  /** A password and fresh TLS files (a CA, a server certificate for 127.0.0.1, a client certificate). */
  public static RedisAccess secured(String password) throws IOException {
    Path dir = Files.createTempDirectory("ardoise-redis-tls-");
    openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Ardoise test CA");
    certificate(dir, "redis", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    certificate(dir, "client", "/CN=ardoise", "extendedKeyUsage=clientAuth");
    return new RedisAccess(password, dir);
  }

  private static void certificate(Path dir, String name, String subject, String extension) throws IOException {
    Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
    openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
    openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  public boolean tls() {
    return tlsDir != null;
  }

  /** The file of the TLS material named {@code name}: ca.crt, redis.crt, redis.key, client.crt, client.key. */
  public String file(String name) {
    return tlsDir.resolve(name).toString();
  }

  /** redis-server arguments that listen on {@code port} (TLS only when secured) and require the password. */
  List<String> serverArgs(int port) {
    List<String> args = new ArrayList<>();
    if (tls()) {
      args.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file", file("redis.crt"),
          "--tls-key-file", file("redis.key"), "--tls-ca-cert-file", file("ca.crt"), "--tls-replication", "yes",
          "--tls-cluster", "yes"));
    } else {
      args.addAll(List.of("--port", Integer.toString(port)));
    }
    if (password != null) args.addAll(List.of("--requirepass", password, "--masterauth", password));
    return args;
  }

  /** sentinel.conf lines for a sentinel that listens on {@code port} and requires the password. */
  List<String> sentinelListen(int port) {
    List<String> lines = new ArrayList<>();
    if (tls()) {
      lines.addAll(List.of("port 0", "tls-port " + port, "tls-cert-file " + file("redis.crt"), "tls-key-file " + file("redis.key"),
          "tls-ca-cert-file " + file("ca.crt"), "tls-replication yes"));
    } else {
      lines.add("port " + port);
    }
    if (password != null) lines.add("requirepass " + password);
    return lines;
  }

  /** sentinel.conf lines, after its {@code sentinel monitor} line, for watching {@code master}. */
  List<String> sentinelAuth(String master) {
    return password == null ? List.of() : List.of("sentinel auth-pass " + master + " " + password);
  }

  /** redis-cli flags for this access (after host and port). */
  List<String> cliArgs() {
    List<String> args = new ArrayList<>();
    if (password != null) args.addAll(List.of("-a", password, "--no-auth-warning"));
    if (tls()) args.addAll(List.of("--tls", "--cacert", file("ca.crt"), "--cert", file("client.crt"), "--key", file("client.key")));
    return args;
  }

  /** The URL Ardoise takes for a server on {@code port}. */
  public String url(int port) {
    return (tls() ? "rediss" : "redis") + "://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
  }

  /** The Ardoise settings of the TLS files: the CA and the client's certificate. */
  public Map<String, String> env() {
    if (!tls()) return Map.of();
    return Map.of("ARDOISE_REDIS_TLS_CA", file("ca.crt"), "ARDOISE_REDIS_TLS_CERT", file("client.crt"),
        "ARDOISE_REDIS_TLS_KEY", file("client.key"));
  }

  /** Deletes the TLS files. */
  public void delete() throws IOException {
    if (tlsDir == null || !Files.exists(tlsDir)) return;
    try (var paths = Files.walk(tlsDir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
