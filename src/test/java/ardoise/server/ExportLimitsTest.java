package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The export storm, scripted against a real server: many requests for the PDF of a large pad, some
 * dropped by their clients. Renders are capped and queued briefly (then 503 with Retry-After),
 * equal requests share one render and a cache, a client that goes away stops its render, and a pad
 * too long for a PDF is refused before layout. Counted through /metrics, never timed.
 */
class ExportLimitsTest {
  private static final String CAP_OF_ONE = "1";

  private ServerFixture server;
  private final Vertx clientVertx = Vertx.vertx();
  private final HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(false),
      new PoolOptions().setHttp1MaxSize(64));
  private final io.vertx.core.Context clientContext = clientVertx.getOrCreateContext();
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) socket.close();
    clientVertx.close().await();
    if (server != null) server.close();
  }

  private void start(Map<String, String> env) {
    server = ServerFixture.start(env);
  }

  /** A revision written straight into the store, by one author. */
  private void store(String padId, long rev, String text, int at) {
    TextOperation.Builder op = TextOperation.builder();
    if (at > 0) op.retain(at);
    TextOperation built = op.insert(text, "author-a").build();
    server.store.append(padId, rev - 1, List.of(new OpRecord(rev, built, "client-a", rev, "author-a", 1_764_000_000_000L + rev)))
        .await();
  }

  /** About {@code chars} characters of minutes: headings, lists, tasks, paragraphs, accents. */
  private static String minutes(int chars) {
    StringBuilder text = new StringBuilder(chars + 512);
    for (int n = 1; text.length() < chars; n++) {
      text.append("## Point ").append(n).append(" : décisions de l’atelier\n\n")
          .append("- Élèves présents : Zoë, Noël\n- Action : préparer la salle **avant** 9 h\n- [ ] relire le *compte rendu*\n\n")
          .append("Nous avons discuté de l’organisation, des horaires et du matériel de la prochaine séance.\n\n");
    }
    return text.substring(0, chars);
  }

  /** One paragraph of {@code chars} characters: few pieces, but seconds of line breaking for the PDF layout. */
  private static String oneLongParagraph(int chars) {
    return "mot ".repeat(chars / 4);
  }

  private String scrape() {
    return server.get("/metrics").text();
  }

  private double metric(String name, String labels) {
    return Prometheus.value(scrape(), name, labels);
  }

  private void waitForMetric(String name, String labels, double value) {
    Eventually.until(name + labels + " = " + value, () -> metric(name, labels) == value,
        () -> "last: " + metric(name, labels) + "\n" + exportLines());
  }

  private String exportLines() {
    StringBuilder lines = new StringBuilder();
    for (String line : scrape().split("\n")) if (line.startsWith("ardoise_export")) lines.append(line).append('\n');
    return lines.toString();
  }

  private record Answer(int status, String retryAfter, String contentType, byte[] body) {}

  /** A GET sent now; the future completes with the whole answer. */
  private Future<Answer> send(String uri) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(server.app.port())
        .setURI(uri);
    // Built on the client's event loop: registered from the test thread, a late
    // compose(resp -> resp.body()) could run after the body went by, and the call would hang.
    io.vertx.core.Promise<Answer> answer = io.vertx.core.Promise.promise();
    clientContext.runOnContext(v -> client.request(options).compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.getHeader("Retry-After"),
            resp.getHeader("Content-Type"), b.getBytes()))).onComplete(answer));
    return answer.future();
  }

  private static List<Answer> awaitAll(List<Future<Answer>> answers) throws Exception {
    List<Answer> all = new ArrayList<>();
    for (Future<Answer> answer : answers) all.add(answer.await(Eventually.LIMIT.toSeconds(), TimeUnit.SECONDS));
    return all;
  }

  /** A GET on a connection of its own, left open until the test closes the socket (the client "going away"). */
  private Socket open(String uri) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.app.port());
    sockets.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  void twentyEqualRequestsRenderOnceAndAllGetTheFile() throws Exception {
    start(Map.of("ARDOISE_EXPORT_CONCURRENCY", CAP_OF_ONE));
    store("grand", 1, minutes(256 << 10), 0); // about 180 pages
    List<Future<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) answers.add(send("/p/grand/export/pdf?authors=1&lang=fr"));
    List<Answer> all = awaitAll(answers);

    for (Answer answer : all) {
      assertEquals(200, answer.status());
      assertEquals("application/pdf", answer.contentType());
      assertArrayEquals(all.get(0).body(), answer.body(), "every request gets the one file rendered");
    }
    String metrics = scrape();
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_renders_total"), exportLines());
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_renders_running_peak"), exportLines());
    assertEquals(19.0, Prometheus.value(metrics, "ardoise_export_coalesced_total")
        + Prometheus.value(metrics, "ardoise_export_cache_hits_total"), exportLines());
  }

  @Test
  void beyondTheCapAndTheQueueRequestsGet503WithRetryAfter() throws Exception {
    start(Map.of("ARDOISE_EXPORT_CONCURRENCY", CAP_OF_ONE, "ARDOISE_EXPORT_QUEUE_LENGTH", "1",
        "ARDOISE_EXPORT_QUEUE_SECONDS", "2"));
    store("long", 1, oneLongParagraph(1 << 20), 0);
    open("/p/long/export/pdf?tz=UTC");
    waitForMetric("ardoise_export_renders_running", "", 1.0);

    // Twenty different files (one time zone each) asked while the one renderer is busy.
    List<Future<Answer>> answers = new ArrayList<>();
    for (int hour = 1; hour <= 12; hour++) answers.add(send("/p/long/export/pdf?tz=Etc%2FGMT%2B" + hour));
    for (int hour = 1; hour <= 8; hour++) answers.add(send("/p/long/export/docx?lang=en&tz=Etc%2FGMT-" + hour));
    List<Answer> all = awaitAll(answers);

    for (Answer answer : all) {
      assertEquals(503, answer.status(), "the renderer is busy with the first PDF for seconds");
      assertEquals("2", answer.retryAfter());
      String page = new String(answer.body(), StandardCharsets.UTF_8);
      assertTrue(page.contains("Exports très demandés") || page.contains("Exports busy"), page);
    }
    String metrics = scrape();
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_renders_running_peak"), exportLines());
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_renders_total"), "only the first one started");
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_refused_total", "reason=\"queue-wait\""), exportLines());
    assertEquals(19.0, Prometheus.value(metrics, "ardoise_export_refused_total", "reason=\"queue-full\""), exportLines());
  }

  @Test
  void aClientThatGoesAwayStopsItsRenderAndLeavesTheQueue() throws Exception {
    start(Map.of("ARDOISE_EXPORT_CONCURRENCY", CAP_OF_ONE));
    store("long", 1, oneLongParagraph(1 << 20), 0);
    Socket running = open("/p/long/export/pdf?lang=fr");
    waitForMetric("ardoise_export_renders_running", "", 1.0);
    assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("ardoise-export-")),
        "the render runs on a render thread of its own");
    Socket queued = open("/p/long/export/pdf?lang=en");
    waitForMetric("ardoise_export_renders_queued", "", 1.0);

    queued.close();
    waitForMetric("ardoise_export_renders_cancelled_total", "stage=\"queued\"", 1.0);
    running.close();
    waitForMetric("ardoise_export_renders_cancelled_total", "stage=\"running\"", 1.0);

    String metrics = scrape();
    assertEquals(0.0, Prometheus.value(metrics, "ardoise_export_renders_running"), exportLines());
    assertEquals(0.0, Prometheus.value(metrics, "ardoise_export_renders_queued"), exportLines());
    assertEquals(1.0, Prometheus.value(metrics, "ardoise_export_renders_total"), "the queued one never started");
    assertEquals(0.0, Prometheus.value(metrics, "ardoise_export_cache_bytes"), "a stopped render leaves no file");
  }

  @Test
  void theSameRevisionComesFromTheCacheAndAnEditMakesANewFile() throws Exception {
    start(Map.of());
    store("cache", 1, "# Réunion\n\nÉlèves : Zoë, Noël\n", 0);
    Answer first = send("/p/cache/export/pdf?authors=1").await();
    Answer second = send("/p/cache/export/pdf?authors=1").await();
    assertEquals(200, second.status());
    assertArrayEquals(first.body(), second.body());
    assertEquals(1.0, metric("ardoise_export_renders_total", ""));
    assertEquals(1.0, metric("ardoise_export_cache_hits_total", ""));
    assertTrue(metric("ardoise_export_cache_bytes", "") >= first.body().length, exportLines());

    assertEquals(200, send("/p/cache/export/pdf?authors=1&tz=Europe%2FParis").await().status());
    assertEquals(2.0, metric("ardoise_export_renders_total", ""), "another time zone is another file");

    store("cache", 2, "Décision : oui.\n", 30);
    Answer edited = send("/p/cache/export/pdf?authors=1").await();
    assertEquals(200, edited.status());
    assertEquals(3.0, metric("ardoise_export_renders_total", ""), "the head moved: a new render");
    assertEquals(1.0, metric("ardoise_export_cache_hits_total", ""));
    assertEquals(200, send("/p/cache/export/pdf?authors=1&rev=1").await().status());
    assertEquals(2.0, metric("ardoise_export_cache_hits_total", ""), "revision 1 is still the same file");
  }

  @Test
  void aPadTooLongForAPdfIsRefusedBeforeLayoutAndItsOtherFormatsStillDownload() throws Exception {
    start(Map.of("ARDOISE_EXPORT_PDF_MAX_PIECES", "100"));
    store("lignes", 1, "ligne\n".repeat(200), 0);
    Answer pdf = send("/p/lignes/export/pdf?lang=en").await();
    assertEquals(413, pdf.status());
    String page = new String(pdf.body(), StandardCharsets.UTF_8);
    assertTrue(page.contains("Pad too long for a PDF") && page.contains("DOCX"), page);
    assertEquals(200, send("/p/lignes/export/docx").await().status());
    assertEquals(200, send("/p/lignes/export/html").await().status());
    store("court", 1, "ligne\n".repeat(20), 0);
    assertEquals(200, send("/p/court/export/pdf").await().status());
  }
}
