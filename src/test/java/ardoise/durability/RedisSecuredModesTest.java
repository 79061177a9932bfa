package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import ardoise.testing.RedisAccess;
import ardoise.testing.RedisClusterExtension;
import ardoise.testing.RedisNode;
import ardoise.testing.RedisSentinelExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passwords and TLS on real servers: one redis-server, a cluster of three masters and a master with
 * two replicas behind three sentinels, every redis-server and sentinel requiring a password and speaking TLS
 * only (no plain port; replication, the cluster bus and the sentinels' links over TLS; client
 * certificates required). Ardoise reaches them with {@code rediss://:password@…} URLs and
 * ARDOISE_REDIS_TLS_CA, _CERT and _KEY: the slot map's nodes, the per-master listing connections,
 * the commit feed and the master the sentinels name all get the password and the certificates.
 */
@Tag("process")
@Tag("redis")
class RedisSecuredModesTest {
  private static final long SEED = Long.getLong("ot.seed", 20261205L);
  private static final String API_KEY = "secured-test-key-0123456789";
  private static final RedisAccess ACCESS = securedAccess();
  @RegisterExtension
  static final RedisClusterExtension cluster = RedisClusterExtension.secured(3, 0, ACCESS);
  @RegisterExtension
  static final RedisSentinelExtension sentinels = RedisSentinelExtension.secured(2, ACCESS);
  private final List<AutoCloseable> open = new ArrayList<>();
  private Vertx vertx;

  private static RedisAccess securedAccess() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    try {
      return RedisAccess.secured("pw-" + HexFormat.of().formatHex(random));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void writersOnTwoInstancesConvergeOnAPasswordAndTlsClusterAndTheListingNamesEveryPad() throws Exception {
    vertx = Vertx.vertx();
    ServerProcess a = server(clusterEnv(ACCESS.env()), "secured-cluster-a");
    ServerProcess b = server(clusterEnv(ACCESS.env()), "secured-cluster-b");
    Map<Integer, String> padOfMaster = new LinkedHashMap<>();
    for (int i = 0; padOfMaster.size() < 3; i++) {
      String pad = "secured-" + SEED + "-" + i;
      padOfMaster.putIfAbsent(cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta")), pad);
    }
    List<Typists> groups = new ArrayList<>();
    for (String pad : padOfMaster.values()) {
      Typists typists = new Typists(vertx, "t" + groups.size() + "x", 4, SEED + groups.size());
      Typists.connect(typists.clients.subList(0, 2), a.port(), pad);
      Typists.connect(typists.clients.subList(2, 4), b.port(), pad);
      groups.add(typists);
    }
    for (int round = 0; round < 30; round++) for (Typists t : groups) t.burst();
    for (Typists t : groups) {
      t.awaitSettled();
      t.assertConvergedWithEveryTokenOnce();
      t.assertEveryRevisionSeenOnce();
      t.assertNoErrors();
    }
    JsonObject listing = new JsonObject(get(b, "/api/v1/pads?limit=1000", 200));
    Set<String> listed = new HashSet<>();
    listing.getJsonArray("pads").forEach(p -> listed.add(((JsonObject) p).getString("padId")));
    assertTrue(listed.containsAll(padOfMaster.values()), "listed " + listed + ", written " + padOfMaster.values());
    assertEquals(200, status(a, "/health/ready"));
    for (ServerProcess s : List.of(a, b)) assertFalse(s.logText().contains(ACCESS.password()), "a log shows the password");
  }

  @Test
  void withoutItsClientCertificateTheServerIsNotReadyAndSaysWhy() throws Exception {
    Map<String, String> tls = new HashMap<>(ACCESS.env());
    tls.remove("ARDOISE_REDIS_TLS_CERT");
    tls.remove("ARDOISE_REDIS_TLS_KEY");
    ServerProcess refused = server(clusterEnv(tls), "secured-cluster-no-certificate");
    Eventually.until("the server reports the store unavailable", () -> status(refused, "/health/ready") == 503);
    Map<String, String> untrusted = new HashMap<>(ACCESS.env());
    untrusted.remove("ARDOISE_REDIS_TLS_CA");
    ServerProcess distrustful = server(clusterEnv(untrusted), "secured-cluster-jvm-trust");
    Eventually.until("the server reports the store unavailable", () -> status(distrustful, "/health/ready") == 503);
    for (ServerProcess s : List.of(refused, distrustful)) assertFalse(s.logText().contains(ACCESS.password()), "a log shows the password");
  }

  @Test
  void aPasswordAndTlsSentinelGroupFailsOverWithoutLosingAnAcknowledgedEdit() throws Exception {
    vertx = Vertx.vertx();
    String pad = "secured-sentinel-" + SEED;
    Map<String, String> env = new HashMap<>(ClusterEnv.sentinel(sentinels.sentinelUrls(), RedisSentinelExtension.MASTER, 1));
    env.putAll(ACCESS.env());
    ServerProcess a = server(env, "secured-sentinel-a");
    Typists typists = new Typists(vertx, "s", 3, SEED);
    Typists.connect(typists.clients, a.port(), pad);
    Set<String> ackedBeforeKill = new HashSet<>();
    RedisNode master = sentinels.server(sentinels.masterPort());
    try (AutoCloseable typing = typists.typeInBackground()) {
      Eventually.until("some ops acknowledged", () -> typists.acks() >= 30);
      master.kill();
      int acksAtKill = typists.acks();
      typists.clients.forEach(c -> ackedBeforeKill.addAll(c.acked()));
      Eventually.until("the sentinels promote a replica", () -> sentinels.masterPort() != master.port());
      Eventually.until("acknowledgements again", () -> typists.acks() > acksAtKill + 10, typists::describe);
    }
    sentinels.awaitSettled();
    typists.awaitSettled();
    assertNotEquals(master.port(), sentinels.masterPort());
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertNoErrors();
    String text = typists.clients.get(0).doc();
    for (String token : ackedBeforeKill) assertTrue(text.contains(token), "acknowledged " + token + " lost");
    Eventually.until("ready again", () -> status(a, "/health/ready") == 200);
    assertFalse(a.logText().contains(ACCESS.password()), "the log shows the password");
  }

  @Test
  void oneRedisServerWithAPasswordAndTlsStoresAndServesAPad() throws Exception {
    RedisNode redis = RedisNode.start(List.of("--appendonly", "yes", "--save", ""), ACCESS);
    open.add(redis::close);
    Map<String, String> env = new HashMap<>(Env.server(redis.url()));
    env.putAll(ACCESS.env());
    env.put("ARDOISE_API_KEYS", "tests:admin:" + API_KEY);
    ServerProcess a = server(env, "secured-standalone");
    String pad = "secured-one-" + SEED;
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/api/v1/pads"))
        .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("padId", pad).put("text", "Compte rendu\n").encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("Compte rendu\n", new JsonObject(get(a, "/api/v1/pads/" + pad + "/text", 200)).getString("text"));
    assertEquals("1", redis.cli("EXISTS", "ardoise:{" + pad + "}:meta"), "the pad is in the TLS redis");
    assertFalse(a.logText().contains(ACCESS.password()), "the log shows the password");
  }

  private Map<String, String> clusterEnv(Map<String, String> tls) throws IOException {
    Map<String, String> env = new HashMap<>(ClusterEnv.cluster(cluster.seeds(), 0));
    env.putAll(tls);
    env.put("ARDOISE_API_KEYS", "tests:admin:" + API_KEY);
    return env;
  }

  private ServerProcess server(Map<String, String> env, String name) throws IOException {
    ServerProcess s = ServerProcess.start(ServerProcess.freePort(), env, name);
    open.add(s);
    return s;
  }

  private static String get(ServerProcess server, String path, int expected) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expected, r.statusCode(), r.body());
    return r.body();
  }

  private static int status(ServerProcess server, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
