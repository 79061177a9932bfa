package ardoise.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's clients: a few event-loop threads, one WebSocket per simulated tab,
 * grouped by pad. Connects with a bounded number of handshakes in flight, starts and stops
 * typing, waits for quiescence and checks convergence against a freshly joined client.
 */
final class Fleet implements AutoCloseable {
  private static final int HANDSHAKES_IN_FLIGHT = 64;

  final Options options;
  final Measure measure;
  /** How late the generator's own loops run (see {@link LoopLag}). */
  final LoopLag loopLag;
  /** One context per event loop: client i lives on loop i mod n. */
  private final List<io.vertx.core.Context> loops;
  private int nextLoop;
  final List<PadGroup> pads = new CopyOnWriteArrayList<>();
  final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final WebSocketClient wsClient;
  private final String runId = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
  private int ids;
  private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
      .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

  Fleet(Options options) {
    this.options = options;
    this.measure = new Measure(options.mixedLengths());
    // Native epoll reads and writes with fewer copies and objects than NIO: the generator must cost
    // less than the server it measures.
    this.vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(options.threads())
        .setPreferNativeTransport(options.nativeTransport())).build();
    System.out.println("generator transport: " + (vertx.isNativeTransportEnabled() ? "native epoll" : "NIO"));
    this.loops = loopContexts(vertx, options.threads());
    this.loopLag = new LoopLag(loops);
    this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(100_000).setMaxMessageSize(64 << 20).setMaxFrameSize(64 << 20)
        .setConnectTimeout(30_000).setSendUnmaskedFrames(false)
        // As Chromium: permessage-deflate with context takeover both ways, when asked.
        .setTryUsePerMessageCompression(options.deflate()));
  }

  PadGroup newPad() {
    boolean longText = options.initialKib() > 0 && pads.size() % options.initialKibEvery() == 0;
    PadGroup p = new PadGroup("bench-" + runId + "-" + pads.size(), longText);
    if (longText) importText(p.padId, initialText(options.initialKib() * 1024));
    pads.add(p);
    return p;
  }

  /** Lines of words, {@code chars} characters in all: what minutes of a long day look like. */
  static String initialText(int chars) {
    StringBuilder text = new StringBuilder(chars);
    java.util.Random random = new java.util.Random(chars);
    while (text.length() < chars) {
      int words = 6 + random.nextInt(10);
      for (int w = 0; w < words; w++) text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      text.append('\n');
    }
    text.setLength(chars);
    return text.toString();
  }

  private static final String[] WORDS = {"atelier", "groupe", "parole", "accueil", "jeunes", "projet", "bilan",
      "question", "reponse", "temps", "partage", "equipe", "famille", "quartier", "action", "suivi"};

  /** Makes {@code text} the pad's first revision through the import endpoint (docs/history.md). */
  private void importText(String padId, String text) {
    try {
      java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          "http://" + options.host() + ":" + options.port() + "/api/pads/" + padId + "/import?name=Bench"))
          .header("Content-Type", "text/plain; charset=utf-8").header("Ardoise-Author-Secret", "bench-importer-0123456789")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(text)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Connects {@code typists} typists and {@code viewers} viewers to {@code pad}; returns them once all joined. */
  List<Client> populate(PadGroup pad, int typists, int viewers) {
    if (viewers > 0 && options.ardoise() && pad.viewerPath == null) pad.viewerPath = readOnlyPath(pad.padId);
    List<CompletableFuture<Void>> joins = new ArrayList<>();
    List<Client> added = new ArrayList<>();
    Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
    for (int i = 0; i < typists + viewers; i++) {
      // Why: with ShareDB the first client creates the document; the others must wait for it.
      if (i == 1 && added.size() == 1 && pad.clients.size() == 1) joins.get(0).orTimeout(60, TimeUnit.SECONDS).join();
      inFlight.acquireUninterruptibly();
      Client c = connect(pad, i < typists, pad.clients.isEmpty() && i == 0, pad.needsFullClient(i < typists, viewers > 0));
      c.joinedFuture.whenComplete((v, e) -> inFlight.release());
      pad.add(c);
      clients.add(c);
      added.add(c);
      joins.add(c.joinedFuture);
    }
    CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
    return added;
  }

  /**
   * One context on each of the generator's event loops. Why: Vert.x gives a thread that is not its
   * own one sticky context, so sockets opened from the main thread would all share one loop and
   * the generator would type and read on one core whatever its thread count. Each deployed
   * instance of a verticle gets the next loop.
   */
  private static List<io.vertx.core.Context> loopContexts(Vertx vertx, int count) {
    List<io.vertx.core.Context> contexts = new CopyOnWriteArrayList<>();
    try {
      vertx.deployVerticle(() -> new io.vertx.core.AbstractVerticle() {
        @Override
        public void start() {
          contexts.add(context);
        }
      }, new io.vertx.core.DeploymentOptions().setInstances(count)).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the generator's event loops", e);
    }
    return List.copyOf(contexts);
  }

  /** A client that is not part of any pad group (convergence check, idle sockets), on the next loop. */
  Client connect(PadGroup pad, boolean typist, boolean createsPad, boolean full) {
    io.vertx.core.Context loop = loops.get(nextLoop++ % loops.size());
    CompletableFuture<Client> made = new CompletableFuture<>();
    loop.runOnContext(v -> {
      try {
        made.complete(connectHere(pad, typist, createsPad, full));
      } catch (RuntimeException e) {
        made.completeExceptionally(e);
      }
    });
    return made.orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** Opens the client's socket from the current context, whose event loop it then lives on. */
  private Client connectHere(PadGroup pad, boolean typist, boolean createsPad, boolean full) {
    ClientWebSocket ws = wsClient.webSocket();
    String id = "bench-" + runId + "-" + (++ids) + "-" + (typist ? "t" : "v") + "-0123456789";
    Client c = options.ardoise()
        ? new ArdoiseClient(vertx, ws, measure, pad, typist, id, options.seed() * 1_000_003L + ids, full)
        : options.etherpad() ? new EtherpadClient(vertx, ws, measure, pad, typist, id, options.seed() * 1_000_003L + ids)
        : new ShareDbClient(vertx, ws, measure, pad, typist, id, options.seed() * 1_000_003L + ids, createsPad, full);
    // Why frames, not textMessageHandler: the message stays bytes, decoded only when the parse
    // cache misses (see Json.parse). Fragments (the server sends none below 1 MiB) are joined.
    io.vertx.core.buffer.Buffer[] fragments = {null};
    ws.frameHandler(frame -> {
      if (!frame.isText() && !frame.isContinuation()) return; // close, ping, pong: Vert.x answers them
      io.vertx.core.buffer.Buffer data = frame.binaryData();
      if (!frame.isFinal() || fragments[0] != null) {
        fragments[0] = fragments[0] == null ? data.copy() : fragments[0].appendBuffer(data);
        if (!frame.isFinal()) return;
        data = fragments[0];
        fragments[0] = null;
      }
      measure.frames.increment();
      try {
        c.received(data);
      } catch (RuntimeException e) {
        c.error(e.toString());
      }
    });
    ws.closeHandler(v -> c.lost());
    ws.exceptionHandler(e -> c.error("socket: " + e));
    String path = options.etherpad() ? EtherpadClient.path(pad.padId)
        : !options.ardoise() ? ShareDbClient.path(pad.padId)
        : !typist && pad.viewerPath != null ? pad.viewerPath : ArdoiseClient.path(pad.padId);
    ws.connect(new WebSocketConnectOptions().setHost(options.host()).setPort(options.portFor(ids)).setURI(path))
        .onSuccess(v -> c.opened())
        .onFailure(e -> {
          c.error("connect: " + e);
          c.joinedFuture.completeExceptionally(e);
        });
    return c;
  }

  /** The pad's read-only socket path, from its links (docs/protocol.md, "Read-only links"). */
  private String readOnlyPath(String padId) {
    try {
      java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          "http://" + options.host() + ":" + options.port() + "/api/pads/" + padId + "/links")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      String link = Json.parse(r.body()).get("readOnly").textValue();
      // A pad nobody wrote in has no read-only id yet (docs/storage.md, "Nothing before the first
      // edit"): its viewers then join as members that never type, and receive the same broadcasts.
      if (link == null) return null;
      return "/ws/r/" + link.substring(link.lastIndexOf('/') + 1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the links of pad " + padId, e);
    }
  }

  void startTyping(List<Client> which) {
    for (Client c : which) if (c.typist) c.startTyping(options.rate());
  }

  void stopTyping() {
    for (Client c : clients) c.stopTyping();
  }

  /** Waits (bounded) until no typist has an op in flight and every client of a pad is at the same revision. */
  boolean quiesce(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    int calm = 0;
    while (System.currentTimeMillis() < deadline) {
      calm = settled() ? calm + 1 : 0;
      if (calm == 3) return true;
      Thread.sleep(200);
    }
    return false;
  }

  private boolean settled() {
    for (PadGroup p : pads) {
      long rev = -1;
      for (Client c : p.clients) {
        if (c.typist && !c.isSettled()) return false;
        if (rev >= 0 && c.rev != rev) return false;
        rev = c.rev;
      }
    }
    return true;
  }

  /** For each pad, a fresh client joins; returns how many clients' texts differ from the server's. */
  int divergentClients() {
    int divergent = 0;
    for (PadGroup p : pads) {
      Client fresh = connect(p, false, false, true);
      fresh.joinedFuture.orTimeout(60, TimeUnit.SECONDS).join();
      String server = fresh.onContext(fresh::text);
      for (Client c : p.clients) {
        String mine = c.onContext(c::text);
        if (!mine.equals(server)) {
          divergent++;
          if (divergent <= 3) {
            int at = 0;
            while (at < Math.min(mine.length(), server.length()) && mine.charAt(at) == server.charAt(at)) at++;
            System.err.printf("pad %s: client %s has %d chars, the server %d; first difference at %d: ...%s... vs ...%s...%n",
                p.padId, c.id, mine.length(), server.length(), at, excerpt(mine, at), excerpt(server, at));
          }
        }
      }
      fresh.close();
    }
    return divergent;
  }

  private static String excerpt(String s, int at) {
    return s.substring(Math.max(0, at - 10), Math.min(s.length(), at + 10)).replace("\n", "⏎");
  }

  int typistCount() {
    int n = 0;
    for (Client c : clients) if (c.typist) n++;
    return n;
  }

  @Override
  public void close() {
    loopLag.stop();
    for (Client c : clients) c.close();
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("closing the load generator: " + e);
    }
  }
}
