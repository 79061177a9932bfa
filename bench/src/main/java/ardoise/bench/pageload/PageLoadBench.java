package ardoise.bench.pageload;

import ardoise.browser.BrowserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How the editor page loads on poor Wi-Fi, in real Chromium: a phone (360×740, touch) behind
 * DevTools' network throttling (by default 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, as
 * "Fast 3G"), through a relay that counts the bytes on the wire ({@link CountingProxy}).
 * <ol>
 *   <li>first load, empty cache: bytes, requests, and when typing becomes possible (editor
 *       editable and joined) and when the first typed letter is acknowledged;</li>
 *   <li>repeat load of the same link, cache and service worker warm;</li>
 *   <li>{@code --pages} tabs loading the pad at once, each through its own relay that is its link
 *       (the same bandwidth and round trip) and on its own origin (so no tab finds another's files
 *       in the cache, as phones that never saw the page): time until each can type, and what the
 *       server spent.</li>
 * </ol>
 * The URL may be an https proxy in front of the server (HTTP/2), whose self-signed certificate's key
 * is trusted with {@code --spki=BASE64-SHA256} (Chromium neither caches nor keeps service workers
 * for a site whose certificate it merely ignores, which would falsify the figures).
 * Usage: {@code PageLoadBench --url=http://127.0.0.1:9000 [--pages=30] [--down-kbps=1600]
 * [--up-kbps=750] [--rtt-ms=150] [--server-pid=PID] [--out=FILE]}. Prints one line per figure.
 */
public final class PageLoadBench {
  /** Marks when the page can be typed in: the editor is editable and the pad joined. */
  private static final String READY_PROBE = """
      try { localStorage.setItem('ardoise.profile', JSON.stringify({name: 'Banc', color: '#1565c0', colorChosen: true})); } catch (e) {}
      (function poll() {
        const pad = window.ardoisePad;
        if (pad && pad.online() && document.querySelector('.cm-content[contenteditable="true"]')) {
          window.__readyAt = performance.now();
          window.__readyEpoch = Date.now();
          return;
        }
        setTimeout(poll, 20);
      })();
      """;

  /** When the page, its last script and its texts arrived (ms since navigation): where the time went. */
  private static final String TIMELINE = """
      const entries = performance.getEntriesByType('resource');
      const end = (f) => Math.round(Math.max(0, ...entries.filter(f).map((e) => e.responseEnd)));
      const nav = performance.getEntriesByType('navigation')[0];
      return `page ${Math.round(nav.responseEnd)} ms, last script ${end((e) => e.name.endsWith('.js'))} ms, `
        + `texts ${end((e) => e.name.includes('/i18n/'))} ms, DOMContentLoaded ${Math.round(nav.domContentLoadedEventEnd)} ms, `
        + `${entries.length} resources`;
      """;

  private final String url;
  private final int pages;
  private final Map<String, Object> throttle;
  private final long serverPid;
  private final List<String> chromiumArguments = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  private PageLoadBench(String url, int pages, int downKbps, int upKbps, int rttMs, long serverPid) {
    this.url = url;
    this.pages = pages;
    this.throttle = Map.of("offline", false, "latency", rttMs,
        "downloadThroughput", downKbps * 1000 / 8, "uploadThroughput", upKbps * 1000 / 8);
    this.serverPid = serverPid;
  }

  public static void main(String[] args) throws Exception {
    String url = "http://127.0.0.1:9000";
    int pages = 30;
    int down = 1600;
    int up = 750;
    int rtt = 150;
    long pid = -1;
    Path out = null;
    String spki = null;
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      switch (kv[0]) {
        case "url" -> url = kv[1];
        case "pages" -> pages = Integer.parseInt(kv[1]);
        case "down-kbps" -> down = Integer.parseInt(kv[1]);
        case "up-kbps" -> up = Integer.parseInt(kv[1]);
        case "rtt-ms" -> rtt = Integer.parseInt(kv[1]);
        case "server-pid" -> pid = Long.parseLong(kv[1]);
        case "out" -> out = Path.of(kv[1]);
        case "spki" -> spki = kv[1];
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    PageLoadBench bench = new PageLoadBench(url, pages, down, up, rtt, pid);
    if (spki != null) bench.chromiumArguments.add("--ignore-certificate-errors-spki-list=" + spki);
    bench.say(String.format(Locale.ROOT, "throttling: %d kbit/s down, %d kbit/s up, %d ms round trip; phone 360x740", down, up, rtt));
    bench.warmUp();
    if (!Boolean.getBoolean("bench.manyOnly")) bench.firstAndRepeat();
    if (pages > 0) bench.many();
    if (out != null) Files.write(out, bench.lines);
    System.exit(0);
  }

  /**
   * Asks once for the pad page and every file it names, as a first visitor would: a server just
   * started compresses its files in the background, and the figures below are those of a server
   * that has been running (how long this first fetch took is printed apart).
   */
  private void warmUp() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .sslContext(trustingEveryone()).build();
    long start = System.nanoTime();
    String base = url.replaceAll("/+$", "");
    String page = get(http, base + "/p/banc-echauffement", false);
    get(http, base + "/p/banc-echauffement", true);
    java.util.regex.Matcher files = java.util.regex.Pattern.compile("(?:href|src)=\"(/[^\"]+)\"").matcher(page);
    int count = 0;
    while (files.find()) {
      get(http, base + files.group(1), true);
      count++;
    }
    say(String.format(Locale.ROOT, "server warm-up: the page and its %d files fetched once (Brotli) in %d ms", count,
        (System.nanoTime() - start) / 1_000_000));
  }

  private static String get(java.net.http.HttpClient http, String address, boolean compressed) throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(address));
    if (compressed) request.header("Accept-Encoding", "br, gzip");
    byte[] body = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The relay's self-signed certificate, for the warm-up only (Chromium trusts its key by --spki). */
  private static javax.net.ssl.SSLContext trustingEveryone() throws Exception {
    javax.net.ssl.TrustManager[] all = {new javax.net.ssl.X509TrustManager() {
      @Override public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}
      @Override public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}
      @Override public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
    }};
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, all, new java.security.SecureRandom());
    return context;
  }

  private void firstAndRepeat() {
    java.net.URI target = java.net.URI.create(url);
    try (CountingProxy proxy = new CountingProxy(target.getHost(), target.getPort());
        BrowserSession browser = BrowserSession.start(360, 740, "fr-FR", chromiumArguments)) {
      String page = target.getScheme() + "://127.0.0.1:" + proxy.listen() + "/p/banc-" + System.nanoTime();
      ChromeDriver driver = browser.driver();
      prepare(driver);
      for (String load : List.of("first", "repeat")) {
        proxy.reset();
        driver.get(page);
        double ready = awaitReady(driver);
        say(load + " load timeline: " + driver.executeScript(TIMELINE));
        driver.findElement(org.openqa.selenium.By.cssSelector(".cm-content")).click();
        driver.executeCdpCommand("Input.insertText", Map.of("text", "a"));
        double typed = awaitAcknowledged(driver);
        // The service worker keeps the page's files after the first load: count what it fetches too.
        awaitOfflineReady(driver);
        say(String.format(Locale.ROOT,
            "%s load: %.1f KB on the wire (%.1f KB HTTP in %d requests, %.1f KB WebSocket), %.1f KB up; "
                + "typing possible at %.0f ms, first letter acknowledged at %.0f ms",
            load, kb(proxy.httpDown.get() + proxy.socketDown.get()), kb(proxy.httpDown.get()), proxy.requests.get(),
            kb(proxy.socketDown.get()), kb(proxy.up.get()), ready, typed));
      }
    }
  }

  private void many() throws InterruptedException {
    java.net.URI target = java.net.URI.create(url);
    // DevTools' throttling does not follow tabs opened by WebDriver, so here each tab reaches the
    // server through its own relay, which is that phone's link (same bandwidth and round trip).
    CountingProxy.Link link = new CountingProxy.Link(((Number) throttle.get("downloadThroughput")).longValue(),
        ((Number) throttle.get("uploadThroughput")).longValue(), ((Number) throttle.get("latency")).longValue());
    List<CountingProxy> links = new ArrayList<>();
    try (BrowserSession browser = BrowserSession.start(360, 740, "fr-FR", chromiumArguments)) {
      String pad = "/p/banc-salle-" + System.nanoTime();
      ChromeDriver driver = browser.driver();
      List<String> tabs = new ArrayList<>();
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        CountingProxy proxy = new CountingProxy(target.getHost(), target.getPort(), link);
        links.add(proxy);
        addresses.add(target.getScheme() + "://127.0.0.1:" + proxy.listen() + pad);
        if (i > 0) driver.switchTo().newWindow(WindowType.TAB);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", READY_PROBE));
        tabs.add(driver.getWindowHandle());
      }
      long cpuBefore = serverCpuMillis();
      List<Long> started = new ArrayList<>();
      for (int i = 0; i < tabs.size(); i++) {
        driver.switchTo().window(tabs.get(i));
        started.add(System.currentTimeMillis());
        driver.executeScript("setTimeout(() => { location.href = arguments[0]; }, 0);", addresses.get(i));
      }
      List<Double> readyMs = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 180_000;
      for (int i = 0; i < tabs.size(); i++) {
        driver.switchTo().window(tabs.get(i));
        Object epoch = null;
        while (epoch == null && System.currentTimeMillis() < deadline) {
          try {
            epoch = driver.executeScript("return window.__readyEpoch || null;");
          } catch (RuntimeException e) {
            epoch = null; // the tab was between documents
          }
          if (epoch == null) Thread.sleep(100);
        }
        if (epoch != null) readyMs.add((double) (((Number) epoch).longValue() - started.get(i)));
      }
      long cpu = serverCpuMillis() - cpuBefore;
      long bytes = links.stream().mapToLong(p -> p.httpDown.get() + p.socketDown.get()).sum();
      Collections.sort(readyMs);
      say(String.format(Locale.ROOT,
          "%d pages at once, each on its own link: %d ready; typing possible p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
              + "%.1f KB on the wire in all (%.1f KB per page); server CPU %s",
          pages, readyMs.size(), pct(readyMs, 50), pct(readyMs, 95), readyMs.isEmpty() ? Double.NaN : readyMs.get(readyMs.size() - 1),
          kb(bytes), kb(bytes) / pages, cpu < 0 ? "not measured (no --server-pid)" : cpu + " ms"));
    } finally {
      links.forEach(CountingProxy::close);
    }
  }

  private void prepare(ChromeDriver driver) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", throttle);
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", READY_PROBE));
  }

  private static double awaitReady(ChromeDriver driver) {
    return ((Number) poll(driver, "return window.__readyAt || null;", 120_000)).doubleValue();
  }

  private static double awaitAcknowledged(ChromeDriver driver) {
    return ((Number) poll(driver,
        "const p = window.ardoisePad; return p && p.text().includes('a') && !p.pending() ? performance.now() : null;", 60_000))
        .doubleValue();
  }

  private static void awaitOfflineReady(ChromeDriver driver) {
    poll(driver, "return document.documentElement.dataset.offlineReady || null;", 60_000);
  }

  private static Object poll(ChromeDriver driver, String script, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      Object value = driver.executeScript(script);
      if (value != null) return value;
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("timed out: " + script);
  }

  /** The server process's CPU time (user + system), from /proc; -1 without a pid. */
  private long serverCpuMillis() {
    if (serverPid < 0) return -1;
    try {
      String[] f = Files.readString(Path.of("/proc/" + serverPid + "/stat")).replaceAll(".*\\) ", "").split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    } catch (Exception e) {
      return -1;
    }
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) return Double.NaN;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double kb(long bytes) {
    return bytes / 1000.0;
  }

  private void say(String line) {
    System.out.println(line);
    lines.add(line);
  }
}
