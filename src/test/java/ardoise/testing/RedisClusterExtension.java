package ardoise.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster for a test class: {@code masters} redis-server processes with as many
 * replicas each, joined by {@code redis-cli --cluster create}; ready once every node reports
 * {@code cluster_state:ok} and every replica is in sync. Register it on a static field (one cluster
 * per class: building one takes seconds). Nodes can be killed and restarted; a slot can be moved
 * between masters ({@link #moveSlot}) as {@code redis-cli --cluster reshard} does.
 * Why a short {@code cluster-node-timeout} (1 s): a failed master is replaced within seconds.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final int masters;
  private final int replicas;
  private final List<String> settings;
  private final RedisAccess access;
  private final List<RedisNode> nodes = new ArrayList<>();

  private RedisClusterExtension(int masters, int replicas, List<String> settings, RedisAccess access) {
    this.masters = masters;
    this.replicas = replicas;
    this.settings = settings;
    this.access = access;
  }

  public static RedisClusterExtension create(int masters, int replicasPerMaster) {
    return new RedisClusterExtension(masters, replicasPerMaster, List.of(), RedisAccess.OPEN);
  }

  /** With more redis-server arguments for every node, e.g. {@code "--cluster-require-full-coverage", "no"}. */
  public static RedisClusterExtension create(int masters, int replicasPerMaster, String... settings) {
    return new RedisClusterExtension(masters, replicasPerMaster, List.of(settings), RedisAccess.OPEN);
  }

  /** Every node, the cluster bus and replication secured by {@code access} (a password, TLS). */
  public static RedisClusterExtension secured(int masters, int replicasPerMaster, RedisAccess access) {
    return new RedisClusterExtension(masters, replicasPerMaster, List.of(), access);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    for (int i = 0; i < masters * (1 + replicas); i++) {
      List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", "1000", "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""));
      args.addAll(settings);
      nodes.add(RedisNode.start(args, access));
    }
    List<String> command = new ArrayList<>(List.of(TestTools.redisCli().toString()));
    command.addAll(access.cliArgs());
    command.addAll(List.of("--cluster", "create"));
    for (RedisNode n : nodes) command.add("127.0.0.1:" + n.port());
    command.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
    Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (create.waitFor() != 0) throw new IOException("redis-cli --cluster create failed: " + out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    awaitHealthy();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (RedisNode n : nodes) n.close();
    nodes.clear();
    access.delete();
  }

  /** Every live node says cluster_state:ok, and every live replica's link to its master is up. */
  public void awaitHealthy() {
    Eventually.until("the redis cluster is ok and its replicas in sync", () -> {
      for (RedisNode n : nodes) {
        if (!n.isAlive()) continue;
        if (!n.cli("CLUSTER", "INFO").contains("cluster_state:ok")) return false;
        String replication = n.cli("INFO", "replication");
        if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) return false;
      }
      return masterPorts().size() == masters;
    }, this::describe);
  }

  /** Every node, comma-separated, as ARDOISE_REDIS_URL takes them: the client asks the first that answers. */
  public String seeds() {
    return String.join(",", urls());
  }

  public List<String> urls() {
    return nodes.stream().map(RedisNode::url).toList();
  }

  public RedisAccess access() {
    return access;
  }

  public List<RedisNode> nodes() {
    return List.copyOf(nodes);
  }

  public RedisNode node(int port) {
    return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
  }

  /** The slot of {@code key} (CLUSTER KEYSLOT). */
  public int slotOf(String key) {
    return Integer.parseInt(anyLive().cli("CLUSTER", "KEYSLOT", key));
  }

  /** The port of the master that serves {@code slot}, as a live node sees it; -1 while none does (a failover). */
  public int masterOf(int slot) {
    for (String line : anyLive().cli("CLUSTER", "NODES").split("\n")) {
      String[] f = line.strip().split(" ");
      if (!f[2].contains("master") || f[2].contains("fail")) continue;
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) continue;
        String[] range = f[i].split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        if (slot >= from && slot <= to) return port(f[1]);
      }
    }
    return -1;
  }

  /** Ports of the live masters that serve slots. */
  public List<Integer> masterPorts() {
    List<Integer> ports = new ArrayList<>();
    for (String line : anyLive().cli("CLUSTER", "NODES").split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length > 8 && f[2].contains("master") && !f[2].contains("fail")) ports.add(port(f[1]));
    }
    return ports;
  }

  /**
   * Moves {@code slot} to the master on {@code toPort}, keys and all, the way redis-cli's reshard
   * does: IMPORTING / MIGRATING, MIGRATE in batches (clients get ASK for keys already moved), then
   * SETSLOT NODE on both and every other master (clients of the old owner get MOVED).
   */
  public void moveSlot(int slot, int toPort) {
    RedisNode from = node(masterOf(slot));
    RedisNode to = node(toPort);
    String fromId = from.cli("CLUSTER", "MYID");
    String toId = to.cli("CLUSTER", "MYID");
    check(to.cli("CLUSTER", "SETSLOT", Integer.toString(slot), "IMPORTING", fromId));
    check(from.cli("CLUSTER", "SETSLOT", Integer.toString(slot), "MIGRATING", toId));
    while (true) {
      String keys = from.cli("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "10");
      if (keys.isEmpty()) break;
      List<String> migrate = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", Integer.toString(toPort), "", "0", "5000", "KEYS"));
      migrate.addAll(List.of(keys.split("\n")));
      check(from.cli(migrate.toArray(String[]::new)));
    }
    check(to.cli("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", toId));
    check(from.cli("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", toId));
    for (int port : masterPorts()) {
      if (port != toPort && port != from.port()) node(port).cli("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", toId);
    }
  }

  private static void check(String reply) {
    if (reply.startsWith("ERR") || reply.startsWith("(error)") || reply.contains("ERR ")) {
      throw new IllegalStateException("redis answered: " + reply);
    }
  }

  private RedisNode anyLive() {
    return nodes.stream().filter(RedisNode::isAlive).findFirst().orElseThrow();
  }

  private static int port(String address) {
    String hostPort = address.split("@")[0];
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  public String describe() {
    RedisNode any = nodes.stream().filter(RedisNode::isAlive).findFirst().orElse(null);
    return any == null ? "no node alive" : any.cli("CLUSTER", "NODES");
  }
}
