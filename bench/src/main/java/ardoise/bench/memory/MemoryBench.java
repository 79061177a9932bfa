package ardoise.bench.memory;

import ardoise.config.Config;
import ardoise.server.Server;
import com.sun.management.ThreadMXBean;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The memory and CPU a pad costs under large or stale edits, on the real server (embedded Redis,
 * fsync on every append), in this JVM so the heap can be read:
 * <ol>
 *   <li>heap kept (after GC) once 300 revisions of 120,000 characters each are committed;</li>
 *   <li>{@code history?from=0&to=2000} on that pad: bytes, time, bytes allocated by the server;</li>
 *   <li>ops based 100, 1,500, 4,000 and 6,000+ revisions behind the head of a pad of small revisions: time and
 *       process CPU per op.</li>
 * </ol>
 * Run: {@code java -Xmx2g -cp … ardoise.bench.memory.MemoryBench}. Extra settings as ARDOISE_* system env.
 */
public final class MemoryBench {
  private static final int LARGE_REVISIONS = 300;
  private static final int LARGE_CHARS = 120_000;
  private static final int SMALL_REVISIONS = 6000;
  private static final int STALE_OPS = 200;

  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient sockets = vertx.createWebSocketClient(
      new WebSocketClientOptions().setMaxMessageSize(512 << 20).setMaxFrameSize(512 << 20));
  private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxChunkSize(1 << 20));
  private int port;

  public static void main(String[] args) throws Exception {
    try {
      new MemoryBench().run();
    } finally {
      System.exit(0); // Vert.x threads would keep a failed run alive
    }
  }

  private void run() throws Exception {
    Path data = Files.createTempDirectory("ardoise-membench");
    Map<String, String> values = new HashMap<>(System.getenv());
    values.keySet().removeIf(k -> !k.startsWith("ARDOISE_"));
    values.putAll(Map.of("ARDOISE_PORT", "0", "ARDOISE_HOST", "127.0.0.1", "ARDOISE_DATA_DIR", data.toString(),
        "ARDOISE_OPS_PER_SECOND", "100000", "ARDOISE_OPS_BURST", "100000"));
    Server server = Server.start(Config.fromValues(values)).await();
    port = server.port();
    try {
      largeRevisions();
      staleOps();
    } finally {
      server.stop().join();
    }
  }

  private void largeRevisions() throws Exception {
    Socket writer = new Socket("bench-large", "bench-large-writer-0001");
    long before = heapAfterGc();
    String text = "ж".repeat(LARGE_CHARS);
    int length = 0;
    for (int seq = 1; seq <= LARGE_REVISIONS; seq++) {
      JsonArray op = new JsonArray();
      if (length > 0) op.add(-length);
      op.add(text.substring(0, LARGE_CHARS - seq % 7));
      length = LARGE_CHARS - seq % 7;
      writer.opAndAck(seq - 1, seq, op);
    }
    long after = heapAfterGc();
    System.out.printf("RESULT large-revisions: %d revisions of %,d chars: heap kept after GC grew %.1f MB%n",
        LARGE_REVISIONS, LARGE_CHARS, (after - before) / 1e6);
    long allocated = allocatedBytes();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    long bytes = 0;
    int pages = 0;
    int revisions = 0;
    long from = 0;
    Long next = 0L;
    double firstSeconds = 0;
    long firstBytes = 0;
    while (next != null && pages < 1000) {
      Buffer body = get("/api/pads/bench-large/history?from=" + from + "&to=2000");
      if (pages == 0) firstSeconds = (System.nanoTime() - started) / 1e9;
      bytes += body.length();
      if (pages == 0) firstBytes = body.length();
      pages++;
      JsonObject answer = body.toJsonObject();
      revisions += answer.getJsonArray("ops").size();
      next = answer.getLong("next");
      if (next != null) from = next;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("RESULT history from=0&to=2000, following next: %d response(s), %,d bytes in all, %d revisions, %.2f s (first answer %.2f s, %,d bytes), "
        + "%.1f s process CPU, %.0f MB allocated; heap kept after GC %.1f MB above the start%n",
        pages, bytes, revisions, seconds, firstSeconds, firstBytes, (os.getProcessCpuTime() - cpu) / 1e9, (allocatedBytes() - allocated) / 1e6, (heapAfterGc() - before) / 1e6);
    writer.close();
  }

  private void staleOps() throws Exception {
    Socket[] writers = new Socket[10];
    for (int i = 0; i < writers.length; i++) writers[i] = new Socket("bench-stale", "bench-stale-writer-000" + i);
    long rev = 0;
    for (int k = 0; k < SMALL_REVISIONS / writers.length; k++) {
      for (int i = 0; i < writers.length; i++) {
        long at = writers[i].head;
        writers[i].send(new JsonObject().put("type", "op").put("rev", at).put("seq", k + 1).put("op", insertAtStart("a", at)));
      }
      for (Socket w : writers) rev = Math.max(rev, w.awaitAckOrError(k + 1));
    }
    Socket stale = new Socket("bench-stale", "bench-stale-client-0001");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (long base : new long[] {rev - 100, rev - 1500, rev - 4000, 0}) {
      long[] micros = new long[STALE_OPS];
      long cpu = os.getProcessCpuTime();
      String outcome = "";
      int seq = stale.lastSeq;
      long behind = stale.head - base;
      for (int i = 0; i < STALE_OPS; i++) {
        long t = System.nanoTime();
        stale.send(new JsonObject().put("type", "op").put("rev", base).put("seq", ++seq).put("op", insertAtStart("b", base)));
        outcome = stale.awaitAnswer(seq);
        if (outcome.startsWith("error")) seq--;
        micros[i] = (System.nanoTime() - t) / 1000;
      }
      stale.lastSeq = seq;
      double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / STALE_OPS;
      Arrays.sort(micros);
      System.out.printf("RESULT op based %d revisions behind the head (%s): p50 %.2f ms, p90 %.2f ms, process CPU %.2f ms per op%n",
          behind, outcome, micros[STALE_OPS / 2] / 1000.0, micros[STALE_OPS * 9 / 10] / 1000.0, cpuMs);
    }
  }

  /** Inserts {@code text} at 0 of revision {@code rev} (every revision of that pad inserted one character). */
  private static JsonArray insertAtStart(String text, long rev) {
    JsonArray op = new JsonArray().add(text);
    if (rev > 0) op.add(rev);
    return op;
  }

  private Buffer get(String uri) {
    return http.request(HttpMethod.GET, port, "127.0.0.1", uri)
        .compose(req -> req.send().compose(res -> res.body())).await();
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long allocatedBytes() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  /** One WebSocket member: frames in a queue. */
  private final class Socket {
    final WebSocket ws;
    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    volatile long head;
    int lastSeq;

    Socket(String pad, String clientId) throws Exception {
      ws = sockets.connect(port, "127.0.0.1", "/ws/" + pad).await();
      ws.textMessageHandler(s -> {
        JsonObject o = new JsonObject(s);
        if (o.containsKey("rev") && !"presence".equals(o.getString("type"))) head = Math.max(head, o.getLong("rev"));
        if (!"presence".equals(o.getString("type")) && !"op".equals(o.getString("type"))) frames.add(o);
      });
      send(new JsonObject().put("type", "join").put("secret", clientId).put("name", "bench"));
      JsonObject joined = next();
      if (!"joined".equals(joined.getString("type"))) throw new IllegalStateException("not joined: " + joined);
    }

    void send(JsonObject o) {
      ws.writeTextMessage(o.encode()).await();
    }

    JsonObject next() throws InterruptedException {
      JsonObject o = frames.poll(120, TimeUnit.SECONDS);
      if (o == null) throw new IllegalStateException("no answer");
      return o;
    }

    void opAndAck(long rev, int seq, JsonArray op) throws InterruptedException {
      send(new JsonObject().put("type", "op").put("rev", rev).put("seq", seq).put("op", op));
      awaitAckOrError(seq);
    }

    long awaitAckOrError(int seq) throws InterruptedException {
      String answer = awaitAnswer(seq);
      if (!answer.startsWith("ack")) throw new IllegalStateException(answer);
      return head;
    }

    /** "ack" or "error CODE" for {@code seq}. */
    String awaitAnswer(int seq) throws InterruptedException {
      while (true) {
        JsonObject o = next();
        if ("ack".equals(o.getString("type")) && o.getLong("seq") == seq) return "ack";
        if ("error".equals(o.getString("type"))) return "error " + o.getString("code");
      }
    }

    void close() {
      ws.close().await();
    }
  }
}
