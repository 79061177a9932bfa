package ardoise.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the RESULT lines of bench/run-all.sh into the Markdown table of bench/README.md, with the
 * ratios Ardoise / ShareDB and Ardoise / Etherpad (p99: lower is better; sustained typists: higher
 * is better). A run whose load generator used more than {@value Window#GENERATOR_BOUND_PERCENT}% of a
 * core is marked generator-bound: its latencies measure the generator as much as the server.
 */
public final class ResultTable {
  private ResultTable() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.startsWith("RESULT ")) continue;
      Map<String, String> r = new HashMap<>();
      for (String kv : line.substring(7).split(" ")) r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      byKey.put(r.get("target") + "/" + r.get("label"), r);
    }
    System.out.println(HEADER);
    System.out.println(HEADER.replaceAll("[^|]+", "---"));
    for (Map<String, String> r : byKey.values()) {
      if (!r.get("mode").equals("idle")) System.out.println(row(r));
    }
    System.out.println();
    System.out.println("| target | idle sockets | heap after GC MiB | heap per socket KiB | RSS MiB | errors |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map<String, String> r : byKey.values()) {
      if (!r.get("mode").equals("idle")) continue;
      System.out.printf("| %s | %s | %s | %s | %s | %s |%n", r.get("target"), r.get("sockets"), shown(r.get("heapMiB")),
          shown(r.get("heapPerSocketKiB")), r.get("rssMiB"), sum(r, "errors", "disconnects"));
    }
    ratios(byKey, "sharedb", "ShareDB");
    ratios(byKey, "etherpad", "Etherpad");
  }

  static final String HEADER = "| target | scenario | pads | typists | p50 ms | p95 ms | p99 ms | max ms | delivered | ops/s "
      + "| server CPU | server µs per op | server µs per frame | generator CPU | heap MiB | RSS MiB | errors | divergent |";

  /** One run's row of the first table; a figure the run has not got (an older RESULT line, no CPU figure) is "-". */
  static String row(Map<String, String> r) {
    return String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", r.get("target"),
        r.get("label"), r.get("pads"), typists(r), r.get("p50"), r.get("p95"), r.get("p99"), r.get("max"),
        r.getOrDefault("delivered", "-"), r.get("opsPerSec"), r.get("serverCpu"), shown(r.get("serverMicrosPerOp")),
        shown(r.get("serverMicrosPerFrame")), generatorCpu(r), shown(r.get("heapMiB")), r.get("rssMiB"),
        sum(r, "errors", "disconnects"), r.get("divergent"));
  }

  private static void ratios(Map<String, Map<String, String>> byKey, String other, String name) {
    System.out.println();
    System.out.println("| ratio Ardoise / " + name + " | value |");
    System.out.println("|---|---|");
    for (String scenario : List.of("workshop", "hot")) ratio(byKey, other, scenario, "p99", "p99 latency, " + scenario + " (lower is better)");
    for (String scenario : List.of("ramp", "hot-ramp")) ratio(byKey, other, scenario, "typists", "sustained typists, " + scenario + " (higher is better)");
    ratio(byKey, other, "idle", "heapPerSocketKiB", "heap per idle socket (lower is better)");
  }

  private static void ratio(Map<String, Map<String, String>> byKey, String other, String scenario, String field, String what) {
    Map<String, String> ours = byKey.get("ardoise/" + scenario);
    Map<String, String> theirs = byKey.get(other + "/" + scenario);
    if (ours == null || theirs == null || theirs.get(field).equals("NaN")) return;
    double a = Double.parseDouble(ours.get(field));
    double b = Double.parseDouble(theirs.get(field));
    if (b == 0) {
      System.out.printf("| %s | %s / 0 (no step of theirs held) |%n", what, ours.get(field));
      return;
    }
    System.out.printf("| %s | %s / %s = %s |%n", what, ours.get(field), theirs.get(field), ratio(a, b));
  }

  /** Three significant digits, and the factor as well when Ardoise's figure is below theirs. */
  static String ratio(double ours, double theirs) {
    double r = ours / theirs;
    String text = String.format(java.util.Locale.ROOT, "%.3g", r);
    return r < 1 ? text + String.format(java.util.Locale.ROOT, " (%.3g× less)", theirs / ours) : text;
  }

  /** A figure, or "-" where the run has none (Etherpad's heap: a Node process, no JVM to ask). */
  static String shown(String value) {
    return value == null || value.equals("NaN") ? "-" : value;
  }

  /** The generator's CPU, marked when over the bound (RESULT lines without the field: "-"). */
  /**
   * The typists of the measured window; on a ramp whose p99 held further with the generator over
   * half a core, how far too (that part of the ramp measured the generator as much as the server).
   */
  static String typists(Map<String, String> r) {
    String typists = r.get("typists");
    String held = r.get("heldTypists");
    if (held == null || Long.parseLong(held) <= Long.parseLong(typists)) return typists;
    return typists + " (p99 held to " + held + ", generator-bound)";
  }

  static String generatorCpu(Map<String, String> r) {
    String cpu = r.get("generatorCpu");
    if (cpu == null || cpu.equals("NaN%")) return "-";
    boolean bound = Double.parseDouble(cpu.replace("%", "")) > Window.GENERATOR_BOUND_PERCENT;
    return bound ? cpu + " **generator-bound**" : cpu;
  }

  private static String sum(Map<String, String> r, String a, String b) {
    return Long.toString(Long.parseLong(r.getOrDefault(a, "0")) + Long.parseLong(r.getOrDefault(b, "0")));
  }
}
