package ardoise.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export storm against a running server: a pad of 1 MiB of minutes (imported), then N export
 * requests sent at once, each dropped by its client after a second, while a typist on another pad
 * types 5 keys a second. The window lasts at least {@code --seconds}, then until the server has
 * used less than its baseline (typing and this sampling) + 20% of a core for 5 s. Prints the server's CPU seconds over the window (from /proc), its heap
 * peak (jvm_memory_used_bytes sampled every 100 ms from /metrics) and peak RSS (VmHWM), and the
 * typist's keystroke-to-ack latency (from each keystroke's scheduled time: no coordinated omission).
 *
 * <pre>java -cp … ardoise.bench.ExportBench --port=9000 --server-pid=PID [--requests=20] [--drop-ms=1000]
 *     [--format=pdf] [--seconds=40]</pre>
 * bench/export-storm.sh starts a fresh server and runs it.
 */
public final class ExportBench {
  private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern EXPORT = Pattern.compile("^(ardoise_export_[a-z_]+(\\{[^}]*\\})?) ([0-9.eE+]+)$", Pattern.MULTILINE);

  private final int port;
  private final long pid;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ExportBench(int port, long pid) {
    this.port = port;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(arg(args, "port", "9000"));
    long pid = Long.parseLong(arg(args, "server-pid", "0"));
    int requests = Integer.parseInt(arg(args, "requests", "20"));
    int dropMillis = Integer.parseInt(arg(args, "drop-ms", "1000"));
    String format = arg(args, "format", "pdf");
    int seconds = Integer.parseInt(arg(args, "seconds", "20"));
    new ExportBench(port, pid).run(requests, dropMillis, format, seconds);
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String a : args) if (a.startsWith("--" + name + "=")) return a.substring(name.length() + 3);
    return fallback;
  }

  private void run(int requests, int dropMillis, String format, int seconds) throws Exception {
    String pad = "storm-" + Long.toString(System.nanoTime(), 36);
    String text = minutes(1 << 20);
    HttpResponse<String> imported = http.send(HttpRequest.newBuilder(uri("/api/pads/" + pad
            + "/import?name=Bench&color=%23e69f00"))
        .header("Content-Type", "text/markdown").header("Ardoise-Author-Secret", "bench-author-000001").POST(HttpRequest.BodyPublishers.ofString(text)).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.printf(Locale.ROOT, "pad %s: %d UTF-8 bytes, %d characters, import %d %s%n", pad,
        text.getBytes(StandardCharsets.UTF_8).length, text.length(), imported.statusCode(), imported.body());

    Typist typist = new Typist(port, "typist-" + Long.toString(System.nanoTime(), 36));
    typist.start();
    sleep(3000); // the import's own work (snapshot, compilation) settles
    // Baseline: 5 s of typing with the same sampling as the window (each sample scrapes /metrics).
    double idleCpu = cpuSeconds();
    for (int i = 0; i < 50; i++) {
      sleep(100);
      heapMiB();
    }
    double baselineCores = (cpuSeconds() - idleCpu) / 5.0;
    List<Long> baseline = typist.drain();
    double cpu0 = cpuSeconds();
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) dropped("/p/" + pad + "/export/" + format + "?authors=1&lang=fr", dropMillis);
    double heapPeak = 0;
    double busyUntil = Double.NaN;
    ArrayDeque<double[]> lastSecond = new ArrayDeque<>(); // {seconds since start, CPU seconds}
    lastSecond.add(new double[] {0, cpu0});
    // The window: at least `seconds`, then until the server has been back at its baseline for 5 s (at most 300 s).
    double elapsed = 0;
    while (elapsed < seconds || (elapsed - (Double.isNaN(busyUntil) ? 0 : busyUntil) < 5 && elapsed < 300)) {
      sleep(100);
      heapPeak = Math.max(heapPeak, heapMiB());
      elapsed = (System.nanoTime() - start) / 1e9;
      double cpu = cpuSeconds();
      // Busy: the last moment the server used 20% of a core more than its baseline over the last second.
      while (lastSecond.size() > 1 && elapsed - lastSecond.peekFirst()[0] > 1.0) lastSecond.pollFirst();
      double[] oldest = lastSecond.peekFirst();
      if (elapsed - oldest[0] >= 0.9 && (cpu - oldest[1]) / (elapsed - oldest[0]) > baselineCores + 0.2) busyUntil = elapsed;
      lastSecond.add(new double[] {elapsed, cpu});
    }
    double cpuUsed = cpuSeconds() - cpu0;
    List<Long> storm = typist.drain();
    typist.stop();
    System.out.printf(Locale.ROOT, "typist before the storm: %s; server %.0f%% of a core%n", percentiles(baseline),
        baselineCores * 100);
    System.out.printf(Locale.ROOT, "typist during the %.0f s window: %s%n", elapsed, percentiles(storm));
    System.out.printf(Locale.ROOT, "server: %.1f CPU-seconds in the %.0f s window, busy (baseline + 20%% of a core) until %.1f s, "
        + "heap peak %.0f MiB (sampled every 100 ms), peak RSS %.0f MiB%n", cpuUsed, elapsed, busyUntil, heapPeak, peakRssMiB());
    Matcher m = EXPORT.matcher(get("/metrics"));
    while (m.find()) System.out.println("  " + m.group(1) + " " + m.group(3));
    System.out.printf(Locale.ROOT, "RESULT requests=%d format=%s cpu_s=%.1f busy_s=%.1f heap_peak_mib=%.0f rss_peak_mib=%.0f "
        + "typist_p50_ms=%.0f typist_p90_ms=%.0f typist_p99_ms=%.0f%n", requests, format, cpuUsed, busyUntil, heapPeak,
        peakRssMiB(), pct(storm, 50), pct(storm, 90), pct(storm, 99));
  }

  /** Minutes as a workshop writes them: headings, lists, tasks, paragraphs, French accents; {@code bytes} UTF-8 bytes. */
  static String minutes(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 512);
    for (int n = 1; sb.length() < bytes; n++) {
      sb.append("## Point ").append(n).append(" : décisions de l’atelier\n\n")
          .append("- Élèves présents : Zoë, Noël, Chloé\n- Action : préparer la salle **avant** 9 h\n- [ ] relire le *compte rendu*\n\n")
          .append("Nous avons discuté longuement de l’organisation, des horaires et du matériel nécessaire pour la ")
          .append("prochaine séance ; chacun a pu s’exprimer.\n\n");
    }
    String text = sb.toString();
    int over = text.getBytes(StandardCharsets.UTF_8).length - bytes;
    text = text.substring(0, text.length() - over); // every character is at least one byte
    while (text.getBytes(StandardCharsets.UTF_8).length > bytes) text = text.substring(0, text.length() - 1);
    return text;
  }

  /** A GET whose client closes the connection after {@code millis}, answered or not. */
  private void dropped(String path, int millis) {
    daemon(() -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(millis);
      } catch (IOException | InterruptedException e) {
        System.out.println("request failed: " + e);
      }
    });
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private double heapMiB() {
    try {
      Matcher m = HEAP.matcher(get("/metrics"));
      double sum = 0;
      while (m.find()) sum += Double.parseDouble(m.group(1));
      return sum / (1 << 20);
    } catch (Exception e) {
      return 0;
    }
  }

  private double cpuSeconds() throws IOException {
    if (pid <= 0) return Double.NaN;
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private double peakRssMiB() throws IOException {
    if (pid <= 0) return Double.NaN;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
    }
    return Double.NaN;
  }

  private static String percentiles(List<Long> micros) {
    return String.format(Locale.ROOT, "%d keystrokes, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", micros.size(),
        pct(micros, 50), pct(micros, 90), pct(micros, 99), pct(micros, 100));
  }

  private static double pct(List<Long> micros, double p) {
    if (micros.isEmpty()) return Double.NaN;
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One person typing 5 keys a second at the start of their own pad: one op in flight, keys typed
   * meanwhile sent together when the ack comes; each key's latency runs from its scheduled time.
   */
  private static final class Typist implements WebSocket.Listener {
    private static final Pattern REV = Pattern.compile("\"rev\":(\\d+)");
    private final int port;
    private final String clientId;
    private final ArrayDeque<Long> typed = new ArrayDeque<>(); // scheduled times not yet sent
    private final List<Long> inFlight = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private final StringBuilder frame = new StringBuilder();
    private WebSocket socket;
    private Thread keys;
    private long rev;
    private long seq;
    private int length;
    private boolean joined;

    Typist(int port, String clientId) {
      this.port = port;
      this.clientId = clientId;
    }

    void start() {
      socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/" + clientId), this).join();
      socket.sendText("{\"type\":\"join\",\"secret\":\"" + clientId + "\",\"name\":\"Typist\"}", true);
      keys = daemon(() -> {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
          next += 200_000_000L;
          long wait = next - System.nanoTime();
          if (wait > 0) sleep(wait / 1_000_000);
          key(next);
        }
      });
    }

    private synchronized void key(long scheduled) {
      typed.add(scheduled);
      sendTyped();
    }

    /** With nothing in flight: sends every key typed so far as one op, inserted at the start. */
    private synchronized void sendTyped() {
      if (!joined || !inFlight.isEmpty() || typed.isEmpty()) return;
      String inserted = "a".repeat(typed.size());
      inFlight.addAll(typed);
      typed.clear();
      seq++;
      String op = length == 0 ? "[\"" + inserted + "\"]" : "[\"" + inserted + "\"," + length + "]";
      length += inserted.length();
      socket.sendText("{\"type\":\"op\",\"rev\":" + rev + ",\"seq\":" + seq + ",\"op\":" + op + "}", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        received(frame.toString());
        frame.setLength(0);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }

    private synchronized void received(String message) {
      Matcher r = REV.matcher(message);
      if (message.startsWith("{\"type\":\"joined\"") && r.find()) {
        rev = Long.parseLong(r.group(1));
        joined = true;
      } else if (message.startsWith("{\"type\":\"ack\"") && r.find()) {
        rev = Long.parseLong(r.group(1));
        long now = System.nanoTime();
        for (long scheduled : inFlight) latencies.add((now - scheduled) / 1000);
        inFlight.clear();
      } else if (message.startsWith("{\"type\":\"error\"")) {
        System.out.println("typist error: " + message);
      }
      sendTyped();
    }

    synchronized List<Long> drain() {
      List<Long> out = new ArrayList<>(latencies);
      latencies.clear();
      return out;
    }

    void stop() {
      keys.interrupt();
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
