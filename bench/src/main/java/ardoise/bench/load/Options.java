package ardoise.bench.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of {@link LoadBench}, as {@code --name=value}. Every option has a default,
 * listed by {@code --help} and in bench/README.md.
 */
record Options(
    String target, String host, int port, String mode, int pads, int typists, int viewers, double rate,
    int warmupSeconds, int seconds, int stepSeconds, int stepPads, int stepTypists, double p99LimitMs,
    int maxTypists, int sockets, int idlePads, long serverPid, int threads, String label, long seed,
    java.util.List<Integer> ports, int initialKib, int initialKibEvery, boolean deflate, boolean nativeTransport) {

  static final String HELP = """
      LoadBench --target=ardoise|sharedb|etherpad --port=9101 --mode=steady|ramp|hot-ramp|idle [options]
        --host=127.0.0.1
        --ports=                             several instances on one store (e.g. 9101,9102): each
                                             socket goes to the next port in turn (default: --port)
        --pads=50 --typists=10 --viewers=0   layout (steady: all at once; ramp: per added pad)
        --rate=5                             keystrokes per second per typist
        --warmup=5 --seconds=30              steady: seconds before measuring, seconds measured;
                                             ramps: seconds the first step types before its window
        --step-seconds=10 --step-pads=5      ramp: add step-pads pads of N typists per step
        --step-typists=25                    hot-ramp: typists added to the one pad per step
        --p99-limit=100 --max-typists=3000   ramp: stop when a step's p99 exceeds this (ms)
        --sockets=10000 --idle-pads=500      idle: viewer sockets over this many pads
        --server-pid=0                       read the server's CPU and RSS from /proc (0: skip)
        --threads=1                          event-loop threads of the load generator
        --label=                             name of the run in the printed results
        --seed=1
        --initial-kib=0                      ardoise: each pad starts with this much text (imported,
                                             at most 1000), to show what a pad's size costs a keystroke
        --initial-kib-every=1                only every Nth pad starts with that text (2: half the
                                             pads long, half empty, in the same run; steady mode
                                             then also prints each half's latencies)
        --deflate=false                      offer permessage-deflate as browsers do (each socket
                                             then inflates what it receives: the generator costs more)
        --transport=epoll                    the generator's sockets: Netty's native epoll (Linux
                                             x86-64, else NIO) or nio""";

  static Options parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (String a : args) {
      if (a.equals("--help")) {
        System.out.println(HELP);
        System.exit(0);
      }
      if (!a.startsWith("--") || !a.contains("=")) throw new IllegalArgumentException("expected --name=value, got " + a + "\n" + HELP);
      m.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    Options o = new Options(m.getOrDefault("target", "ardoise"), m.getOrDefault("host", "127.0.0.1"),
        i(m, "port", 9101), m.getOrDefault("mode", "steady"), i(m, "pads", 50), i(m, "typists", 10),
        i(m, "viewers", 0), Double.parseDouble(m.getOrDefault("rate", "5")), i(m, "warmup", 5), i(m, "seconds", 30),
        i(m, "step-seconds", 10), i(m, "step-pads", 5), i(m, "step-typists", 25),
        Double.parseDouble(m.getOrDefault("p99-limit", "100")), i(m, "max-typists", 3000), i(m, "sockets", 10_000),
        i(m, "idle-pads", 500), Long.parseLong(m.getOrDefault("server-pid", "0")), i(m, "threads", 1),
        m.getOrDefault("label", ""), Long.parseLong(m.getOrDefault("seed", "1")),
        java.util.Arrays.stream(m.getOrDefault("ports", m.getOrDefault("port", "9101")).split(","))
            .map(String::strip).map(Integer::valueOf).toList(), i(m, "initial-kib", 0), i(m, "initial-kib-every", 1),
        Boolean.parseBoolean(m.getOrDefault("deflate", "false")), !m.getOrDefault("transport", "epoll").equals("nio"));
    if (!java.util.List.of("epoll", "nio").contains(m.getOrDefault("transport", "epoll"))) {
      throw new IllegalArgumentException("--transport must be epoll or nio");
    }
    if (!java.util.List.of("ardoise", "sharedb", "etherpad").contains(o.target)) {
      throw new IllegalArgumentException("--target must be ardoise, sharedb or etherpad");
    }
    if (o.initialKib < 0 || o.initialKib > 1000 || o.initialKib > 0 && !o.ardoise()) {
      throw new IllegalArgumentException("--initial-kib is 0 to 1000 (an import's limit is 1 MiB), for ardoise only");
    }
    if (o.initialKibEvery < 1) throw new IllegalArgumentException("--initial-kib-every is at least 1");
    return o;
  }

  private static int i(Map<String, String> m, String key, int dflt) {
    return Integer.parseInt(m.getOrDefault(key, Integer.toString(dflt)));
  }

  /** True when some pads start with text and others empty: latencies are then also kept for each kind. */
  boolean mixedLengths() {
    return initialKib > 0 && initialKibEvery > 1;
  }

  /** The port of the {@code n}th socket: the instances in turn, so each pad has typists on each. */
  int portFor(int n) {
    return ports.get(Math.floorMod(n, ports.size()));
  }

  boolean ardoise() {
    return target.equals("ardoise");
  }

  boolean etherpad() {
    return target.equals("etherpad");
  }
}
