package ardoise.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis master with {@code replicas} replicas watched by three sentinels (quorum 2), for a
 * test class (register it on a static field). Ready once the sentinels know the master, its
 * replicas and each other. Why {@code down-after-milliseconds 1000}: a killed master is replaced
 * within seconds.
 */
public final class RedisSentinelExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String MASTER = "ardoise";
  private final int replicaCount;
  private final RedisAccess access;
  private final List<RedisNode> servers = new ArrayList<>();
  private final List<RedisNode> sentinels = new ArrayList<>();

  private RedisSentinelExtension(int replicas, RedisAccess access) {
    this.replicaCount = replicas;
    this.access = access;
  }

  public static RedisSentinelExtension create(int replicas) {
    return new RedisSentinelExtension(replicas, RedisAccess.OPEN);
  }

  /** Servers and sentinels secured by {@code access} (a password, TLS). */
  public static RedisSentinelExtension secured(int replicas, RedisAccess access) {
    return new RedisSentinelExtension(replicas, access);
  }

  private static List<String> serverArgs() {
    return List.of("--appendonly", "yes", "--appendfsync", "everysec", "--save", "");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    RedisNode master = RedisNode.start(serverArgs(), access);
    servers.add(master);
    for (int i = 0; i < replicaCount; i++) {
      List<String> args = new ArrayList<>(serverArgs());
      args.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
      servers.add(RedisNode.start(args, access));
    }
    for (int i = 0; i < 3; i++) {
      sentinels.add(RedisNode.sentinel(List.of(
          "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port() + " 2",
          "sentinel down-after-milliseconds " + MASTER + " 1000",
          "sentinel failover-timeout " + MASTER + " 5000",
          "sentinel parallel-syncs " + MASTER + " 2"), access, MASTER));
    }
    awaitSettled();
  }

  /**
   * Every sentinel names the same master and sees the other sentinels, and that master has every
   * live replica in sync. Why the master is read again at each look: on a busy machine the
   * sentinels may fail over a second time (a new master that answered late), and the group then
   * settles on another one.
   */
  public void awaitSettled() {
    long liveReplicas = servers.stream().filter(RedisNode::isAlive).count() - 1;
    Eventually.until("the sentinels agree on the master and see its replicas", () -> {
      int masterPort;
      try {
        masterPort = masterPort();
      } catch (RuntimeException e) {
        return false; // a sentinel between two answers: look again
      }
      for (RedisNode s : sentinels) {
        String info = s.cli("SENTINEL", "MASTER", MASTER);
        if (!info.contains("\n" + masterPort + "\n")) return false;
        if (!info.contains("num-other-sentinels\n" + (sentinels.size() - 1))) return false;
      }
      String replication = RedisNode.cli(masterPort, access, "INFO", "replication");
      return replication.contains("role:master") && replication.contains("connected_slaves:" + liveReplicas);
    }, () -> sentinels.get(0).cli("SENTINEL", "MASTER", MASTER) + "\n" + describe(List.of()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (RedisNode n : sentinels) n.close();
    for (RedisNode n : servers) n.close();
    access.delete();
  }

  /**
   * What the group says, for a failure's message: the master each sentinel names and its recent
   * events (elections, promotions, reconfigured replicas), each live server's role and replication
   * offset, and the answer of each server to each of {@code probes} (redis-cli arguments).
   */
  public String describe(List<List<String>> probes) {
    StringBuilder sb = new StringBuilder();
    for (RedisNode s : sentinels) {
      sb.append("\nsentinel ").append(s.port()).append(" names master ")
          .append(s.cli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER).replace('\n', ' '))
          .append("; its recent events:\n").append(s.recentOutput());
    }
    for (RedisNode n : servers) {
      sb.append("\nserver ").append(n.port());
      if (!n.isAlive()) {
        sb.append(" killed");
        continue;
      }
      n.cli("INFO", "replication").lines().map(String::strip)
          .filter(l -> l.startsWith("role:") || l.startsWith("master_port:") || l.startsWith("master_link_status:")
              || l.startsWith("master_repl_offset:") || l.startsWith("connected_slaves:"))
          .forEach(l -> sb.append(' ').append(l));
      for (List<String> probe : probes) {
        sb.append("\n  ").append(String.join(" ", probe)).append(": ")
            .append(n.cli(probe.toArray(String[]::new)).replace('\n', ' '));
      }
    }
    return sb.toString();
  }

  /** The sentinels, comma-separated, as ARDOISE_REDIS_URL takes them in sentinel mode. */
  public String sentinelUrls() {
    return sentinels.stream().map(RedisNode::url).collect(Collectors.joining(","));
  }

  /** The port of the master as the first sentinel names it. */
  public int masterPort() {
    String[] addr = sentinels.get(0).cli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER).split("\n");
    return Integer.parseInt(addr[1].strip());
  }

  public RedisNode server(int port) {
    return servers.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
  }

  public RedisAccess access() {
    return access;
  }

  public List<RedisNode> servers() {
    return List.copyOf(servers);
  }
}
