package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client options of each mode, and what a log line shows of them. */
class RedisTopologyTest {
  @Test
  void eachModeGivesTheClientItsTypeEndpointsAndMaster() {
    RedisOptions cluster = RedisTopology.of("cluster", List.of("redis://:pw@a:7000", "redis://:pw@b:7000"), null).options(8, true);
    assertEquals(RedisClientType.CLUSTER, cluster.getType());
    assertEquals(List.of("redis://:pw@a:7000", "redis://:pw@b:7000"), cluster.getEndpoints());
    RedisOptions sentinel = RedisTopology.of("sentinel", List.of("redis://s1:26379", "redis://s2:26379"), "pads").options(8, true);
    assertEquals(RedisClientType.SENTINEL, sentinel.getType());
    assertEquals("pads", sentinel.getMasterName());
    assertEquals(RedisRole.MASTER, sentinel.getRole());
    assertEquals(true, sentinel.isAutoFailover());
    assertFalse(RedisTopology.of("sentinel", List.of("redis://s1:26379"), "pads").options(1, false).isAutoFailover(),
        "a subscribing connection reconnects itself");
    assertEquals(RedisClientType.STANDALONE, RedisTopology.standalone("redis://a").options(8, true).getType());
  }

  @Test
  void logsShowNoPassword() {
    assertEquals("cluster redis://:***@a:7000,rediss://:***@b:7000",
        RedisTopology.cluster(List.of("redis://:pw@a:7000", "rediss://:pw@b:7000")).redacted());
    assertEquals("sentinel master pads via redis://:***@s1:26379",
        RedisTopology.sentinel(List.of("redis://:pw@s1:26379"), "pads").redacted());
  }

  @Test
  void badTopologiesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RedisTopology(RedisTopology.Mode.STANDALONE,
        List.of("redis://a", "redis://b"), null, 0, 0, null));
    assertThrows(IllegalArgumentException.class, () -> RedisTopology.sentinel(List.of("redis://a"), ""));
    assertThrows(IllegalArgumentException.class, () -> RedisTopology.cluster(List.of("http://a")));
  }

  @Test
  void tlsConnectionsCheckTheHostAndTrustTheGivenAuthority() {
    var net = RedisTopology.cluster(List.of("rediss://:pw@a:7000")).withTls(new RedisTls("/etc/ca.pem", "/etc/c.pem", "/etc/c.key"))
        .options(4, false).getNetClientOptions();
    assertEquals("HTTPS", net.getHostnameVerificationAlgorithm());
    assertEquals(List.of("/etc/ca.pem"), ((io.vertx.core.net.PemTrustOptions) net.getTrustOptions()).getCertPaths());
    assertEquals(List.of("/etc/c.key"), ((io.vertx.core.net.PemKeyCertOptions) net.getKeyCertOptions()).getKeyPaths());
    var jvmTrust = RedisTopology.standalone("rediss://a").options(1, false).getNetClientOptions();
    assertEquals("HTTPS", jvmTrust.getHostnameVerificationAlgorithm());
    assertEquals(null, jvmTrust.getTrustOptions());
    assertThrows(IllegalArgumentException.class, () -> new RedisTls(null, "/etc/c.pem", null));
  }

  @Test
  void theServersMajorVersionDecidesShardedPubSub() {
    assertEquals(7, CommitChannels.majorVersion("# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:0\r\n"));
    assertEquals(6, CommitChannels.majorVersion("redis_version:6.2.6\n"));
    assertEquals("SPUBLISH", CommitChannels.publishCommand(true));
  }
}
