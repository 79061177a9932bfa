package ardoise.durability;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Environment of a server child process on a Redis Cluster or a sentinel-watched master. */
final class ClusterEnv {
  private ClusterEnv() {}

  /** A server on the cluster whose nodes are {@code seeds}; {@code waitReplicas} 0: no replica wait. */
  static Map<String, String> cluster(String seeds, int waitReplicas) throws IOException {
    Map<String, String> env = new HashMap<>(Env.server(seeds));
    env.put("ARDOISE_REDIS_MODE", "cluster");
    env.put("ARDOISE_REDIS_WAIT_REPLICAS", Integer.toString(waitReplicas));
    env.put("ARDOISE_REDIS_WAIT_TIMEOUT_MS", "500");
    env.put("ARDOISE_REDIS_TIMEOUT_SECONDS", "2");
    return env;
  }

  static Map<String, String> sentinel(String sentinels, String master, int waitReplicas) throws IOException {
    Map<String, String> env = new HashMap<>(Env.server(sentinels));
    env.put("ARDOISE_REDIS_MODE", "sentinel");
    env.put("ARDOISE_REDIS_MASTER", master);
    env.put("ARDOISE_REDIS_WAIT_REPLICAS", Integer.toString(waitReplicas));
    env.put("ARDOISE_REDIS_WAIT_TIMEOUT_MS", "500");
    env.put("ARDOISE_REDIS_TIMEOUT_SECONDS", "2");
    return env;
  }
}
