package ardoise.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of the figures: CPU time and RSS from /proc (when its pid is known), heap and
 * committed ops from its own endpoints (Ardoise: /metrics; the ShareDB server: /health), and a
 * full GC before heap readings that must not count garbage (jcmd for the JVM, --expose-gc for Node).
 */
final class ServerProbe {
  private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern COMMITTED = Pattern.compile("^ardoise_ops_committed_total ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern NODE_HEAP = Pattern.compile("\"heapUsed\":([0-9]+)");

  private final Options options;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build(); // HTTP/1.1: an h2c upgrade would reach the WebSocket server

  ServerProbe(Options options) {
    this.options = options;
  }

  /** CPU seconds (user + system) the server process used so far, or NaN without a pid. */
  double cpuSeconds() {
    if (options.serverPid() <= 0) return Double.NaN;
    try {
      String stat = Files.readString(Path.of("/proc/" + options.serverPid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** Resident memory of the server process in MiB, or NaN. */
  double rssMiB() {
    if (options.serverPid() <= 0) return Double.NaN;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + options.serverPid() + "/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    } catch (Exception e) {
      // the process is gone: no figure
    }
    return Double.NaN;
  }

  /** Heap in use in MiB, after a full GC when {@code collect}; NaN if unknown. */
  double heapMiB(boolean collect) {
    try {
      if (options.ardoise()) {
        if (collect && options.serverPid() > 0) {
          new ProcessBuilder("jcmd", Long.toString(options.serverPid()), "GC.run").redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        Matcher m = HEAP.matcher(get("/metrics"));
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum / (1 << 20);
      }
      Matcher m = NODE_HEAP.matcher(get(collect ? "/health?gc=1" : "/health"));
      return m.find() ? Long.parseLong(m.group(1)) / (double) (1 << 20) : Double.NaN;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /**
   * The server's own submit-to-ack latency so far as {sum seconds, count, count over 100 ms} (Ardoise
   * only), or null. The other timers below come the same way.
   */
  double[] commitLatency() {
    return timer("ardoise_commit_latency_seconds");
  }

  /** The store's append latency so far (one per group commit). */
  double[] appendLatency() {
    return timer("ardoise_store_append_latency_seconds");
  }

  /** How long the server's group commits waited to start so far (one per append: the pace, the append before). */
  double[] queueWait() {
    return timer("ardoise_commit_queue_wait_seconds");
  }

  /** The server's flushes to the pads' members so far (one per flush). */
  double[] flushDuration() {
    return timer("ardoise_flush_duration_seconds");
  }

  /** The server's event-loop delay probe so far (each loop every 20 ms). */
  double[] eventLoopDelay() {
    return timer("ardoise_eventloop_delay_seconds");
  }

  private double[] timer(String name) {
    if (!options.ardoise()) return null;
    try {
      String text = get("/metrics");
      Matcher sum = Pattern.compile("^" + name + "_sum ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(text);
      Matcher count = Pattern.compile("^" + name + "_count ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(text);
      Matcher upTo100ms = Pattern.compile("^" + name + "_bucket\\{[^}]*le=\"0\\.1\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(text);
      if (!sum.find() || !count.find()) return null;
      double n = Double.parseDouble(count.group(1));
      return new double[] {Double.parseDouble(sum.group(1)), n, upTo100ms.find() ? n - Double.parseDouble(upTo100ms.group(1)) : Double.NaN};
    } catch (Exception e) {
      return null;
    }
  }

  /** Ops the server says it committed (Ardoise only), or NaN. */
  double committedOps() {
    if (!options.ardoise()) return Double.NaN;
    try {
      Matcher m = COMMITTED.matcher(get("/metrics"));
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private String get(String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + options.host() + ":" + options.port() + path))
        .timeout(Duration.ofSeconds(30)).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
  }
}
