package ardoise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis mode, its endpoints, the sentinel master and the replica wait: read together, refused together. */
class RedisSettingsTest {
  private static final String SECRET = "s3cr3t-password";

  @Test
  void standaloneIsTheDefaultAndClusterTakesSeveralEndpoints() {
    Config defaults = Config.defaults();
    assertEquals("standalone", defaults.redisMode());
    assertEquals(List.of(), defaults.redisUrls());
    assertNull(defaults.redisMaster());
    assertEquals(0, defaults.redisWaitReplicas());
    Config cluster = Config.fromValues(Map.of("ARDOISE_REDIS_MODE", "cluster",
        "ARDOISE_REDIS_URL", "rediss://:" + SECRET + "@10.0.0.5:7000, rediss://:" + SECRET + "@10.0.0.6:7000/0",
        "ARDOISE_REDIS_WAIT_REPLICAS", "1", "ARDOISE_REDIS_WAIT_TIMEOUT_MS", "250"));
    assertEquals(List.of("rediss://:" + SECRET + "@10.0.0.5:7000", "rediss://:" + SECRET + "@10.0.0.6:7000/0"), cluster.redisUrls());
    assertEquals(1, cluster.redisWaitReplicas());
    assertEquals(250, cluster.redisWaitTimeoutMs());
    Config sentinel = Config.fromValues(Map.of("ARDOISE_REDIS_MODE", "sentinel", "ARDOISE_REDIS_MASTER", "pads",
        "ARDOISE_REDIS_URL", "redis://10.0.0.5:26379,redis://10.0.0.6:26379,redis://10.0.0.7:26379"));
    assertEquals("pads", sentinel.redisMaster());
    assertEquals(3, sentinel.redisUrls().size());
  }

  @Test
  void wrongCombinationsFailNamingTheSettingAndNeverThePassword() {
    String two = "redis://:" + SECRET + "@a:7000,redis://:" + SECRET + "@b:7000";
    refused("ARDOISE_REDIS_MODE must be one of", Map.of("ARDOISE_REDIS_MODE", "replicated"));
    refused("ARDOISE_REDIS_MODE=cluster needs ARDOISE_REDIS_URL", Map.of("ARDOISE_REDIS_MODE", "cluster"));
    refused("ARDOISE_REDIS_URL lists 2 endpoints", Map.of("ARDOISE_REDIS_URL", two));
    refused("ARDOISE_REDIS_MODE=sentinel needs ARDOISE_REDIS_MASTER", Map.of("ARDOISE_REDIS_MODE", "sentinel", "ARDOISE_REDIS_URL", two));
    refused("ARDOISE_REDIS_MASTER is only used with", Map.of("ARDOISE_REDIS_MASTER", "pads", "ARDOISE_REDIS_URL", "redis://a"));
    refused("ARDOISE_REDIS_URL (endpoint 2) names database 3: Redis Cluster has only database 0",
        Map.of("ARDOISE_REDIS_MODE", "cluster", "ARDOISE_REDIS_URL", "redis://:" + SECRET + "@a:7000,redis://:" + SECRET + "@b:7000/3"));
    refused("ARDOISE_REDIS_URL must start with redis:// or rediss:// (each of its comma-separated endpoints)",
        Map.of("ARDOISE_REDIS_MODE", "cluster", "ARDOISE_REDIS_URL", "redis://:" + SECRET + "@a:7000,b:" + SECRET + "@7000"));
    refused("ARDOISE_REDIS_WAIT_REPLICAS needs replicas", Map.of("ARDOISE_REDIS_WAIT_REPLICAS", "1"));
    refused("ARDOISE_REDIS_WAIT_TIMEOUT_MS (5000) must be below ARDOISE_REDIS_TIMEOUT_SECONDS",
        Map.of("ARDOISE_REDIS_URL", "redis://:" + SECRET + "@a", "ARDOISE_REDIS_WAIT_REPLICAS", "1", "ARDOISE_REDIS_WAIT_TIMEOUT_MS", "5000"));
    refused("ARDOISE_REDIS_WAIT_REPLICAS must be between 0 and 16", Map.of("ARDOISE_REDIS_WAIT_REPLICAS", "17"));
  }

  @Test
  void theTlsFilesGoWithRedissEndpoints(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String ca = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "-").toString();
    String cert = java.nio.file.Files.writeString(dir.resolve("client.pem"), "-").toString();
    String key = java.nio.file.Files.writeString(dir.resolve("client.key"), "-").toString();
    String secured = "rediss://:" + SECRET + "@a:7000,rediss://:" + SECRET + "@b:7000";
    Config tls = Config.fromValues(Map.of("ARDOISE_REDIS_MODE", "cluster", "ARDOISE_REDIS_URL", secured,
        "ARDOISE_REDIS_TLS_CA", ca, "ARDOISE_REDIS_TLS_CERT", cert, "ARDOISE_REDIS_TLS_KEY", key));
    assertEquals(ca, tls.redisTlsCa());
    assertEquals(cert, tls.redisTlsCert());
    assertEquals(key, tls.redisTlsKey());
    assertNull(Config.defaults().redisTlsCa());
    refused("ARDOISE_REDIS_TLS_CA must name a readable file", Map.of("ARDOISE_REDIS_URL", "rediss://a",
        "ARDOISE_REDIS_TLS_CA", dir.resolve("missing.pem").toString()));
    refused("ARDOISE_REDIS_TLS_CERT and ARDOISE_REDIS_TLS_KEY go together", Map.of("ARDOISE_REDIS_URL", "rediss://a",
        "ARDOISE_REDIS_TLS_CERT", cert));
    refused("ARDOISE_REDIS_URL mixes rediss:// and redis://", Map.of("ARDOISE_REDIS_MODE", "cluster",
        "ARDOISE_REDIS_URL", "rediss://:" + SECRET + "@a:7000,redis://:" + SECRET + "@b:7000"));
    refused("ARDOISE_REDIS_TLS_CA, ARDOISE_REDIS_TLS_CERT and ARDOISE_REDIS_TLS_KEY are used by rediss:// endpoints only",
        Map.of("ARDOISE_REDIS_URL", "redis://:" + SECRET + "@a", "ARDOISE_REDIS_TLS_CA", ca));
    refused("ARDOISE_REDIS_TLS_CA, ARDOISE_REDIS_TLS_CERT and ARDOISE_REDIS_TLS_KEY are used by rediss:// endpoints only",
        Map.of("ARDOISE_REDIS_TLS_CA", ca));
  }

  private static void refused(String start, Map<String, String> env) {
    ConfigException e = assertThrows(ConfigException.class, () -> Config.fromValues(env));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), "no password in: " + e.getMessage());
  }
}
