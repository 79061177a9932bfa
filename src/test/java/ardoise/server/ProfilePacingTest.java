package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.PadNotes;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten members of a 50-member pad rename themselves 28 times a second, against the real server and a
 * real redis-server: an observer gets a bounded number of presence bytes a second, Redis a bounded
 * number of profile writes, and in the end everyone sees, and the pad remembers, each last name.
 */
@Tag("redis")
class ProfilePacingTest {
  private static final int MEMBERS = 50;
  private static final int RENAMERS = 10;
  private static final int RENAMES_PER_SECOND = 28;
  private static final int FLOOD_RENAMES = RENAMES_PER_SECOND * 3;
  /** The defaults of ARDOISE_PRESENCE_MILLIS and ARDOISE_PROFILE_STORE_SECONDS. */
  private static final long PRESENCE_MILLIS = 250;
  private static final long STORE_MILLIS = 5000;

  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private final Vertx clientVertx = Vertx.vertx();
  private WebSocketClient wsClient;
  private RedisAPI redisApi;
  private RedisPadStore store;
  private ServerFixture server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    server = ServerFixture.start(Map.of(), store);
    wsClient = clientVertx.createWebSocketClient();
    redisApi = RedisAPI.api(Redis.createClient(clientVertx, redis.url()));
  }

  @AfterEach
  void stop() {
    for (Socket s : sockets) s.ws.close();
    server.close();
    store.close().await();
    storeVertx.close().await();
    clientVertx.close().await();
  }

  /** One member's socket: counts what it receives and keeps only the latest presence (50 sockets, many frames). */
  private final class Socket {
    final String clientId;
    final ClientWebSocket ws;
    final AtomicLong presenceBytes = new AtomicLong();
    final AtomicInteger presenceFrames = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();
    final Map<String, String> currentNames = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicReference<String> joined = new AtomicReference<>();
    volatile String name;
    private long resend = -1; // client event loop only

    Socket(String padId, int index) {
      String secret = String.format("membre-%02d-%s", index, Long.toHexString(System.nanoTime()));
      clientId = ardoise.protocol.ClientSecrets.clientId(secret);
      name = "Membre " + index;
      ws = wsClient.webSocket();
      ws.textMessageHandler(this::received);
      ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.app.port()).setURI("/ws/" + padId)).await();
      sockets.add(this);
      ws.writeTextMessage(new JsonObject().put("type", "join").put("secret", secret).put("name", name).put("presenceChanges", true).encode());
    }

    private void received(String frame) {
      if (frame.startsWith("{\"type\":\"presence\"")) {
        presenceBytes.addAndGet(frame.length());
        presenceFrames.incrementAndGet();
        // The whole list once, then what changed in it.
        JsonObject presence = new JsonObject(frame);
        if (presence.containsKey("members")) {
          currentNames.clear();
          for (Object o : presence.getJsonArray("members")) currentNames.put(((JsonObject) o).getString("clientId"), ((JsonObject) o).getString("name"));
        } else {
          for (Object id : presence.getJsonArray("left")) currentNames.remove((String) id);
          for (Object o : presence.getJsonArray("changed")) currentNames.put(((JsonObject) o).getString("clientId"), ((JsonObject) o).getString("name"));
        }
      } else if (frame.startsWith("{\"type\":\"joined\"")) {
        joined.set(frame);
      } else if (frame.contains("\"profile-rate-limited\"")) {
        // What the page does: send the current profile again a second later (one timer, restarted).
        refusals.incrementAndGet();
        if (resend != -1) clientVertx.cancelTimer(resend);
        resend = clientVertx.setTimer(1000, id -> {
          resend = -1;
          rename(name);
        });
      }
    }

    void rename(String newName) {
      name = newName;
      ws.writeTextMessage(new JsonObject().put("type", "profile").put("name", newName).put("color", "#009e73").encode());
    }

    /** clientId → name, as the presence frames so far make the list. */
    Map<String, String> names() {
      return Map.copyOf(currentNames);
    }
  }

  @Test
  void renamingFloodsArePacedAndTheLastNamesWin() throws Exception {
    String padId = "rythme-" + Long.toHexString(System.nanoTime());
    // A pad with text: profiles are stored only from a pad's first revision on.
    store.append(padId, 0, ardoise.store.OpRecords.inserts(0, 0, "earlier", 1, "Ordre du jour")).await();
    for (int i = 0; i < MEMBERS; i++) new Socket(padId, i);
    Socket observer = sockets.get(MEMBERS - 1);
    Eventually.until("all " + MEMBERS + " members are listed to the observer", () -> observer.names().size() == MEMBERS);
    List<Socket> renamers = sockets.subList(0, RENAMERS);

    long bytesBefore = observer.presenceBytes.get();
    int framesBefore = observer.presenceFrames.get();
    long writesBefore = hsetCalls();
    long started = System.nanoTime();
    AtomicInteger sent = new AtomicInteger();
    AtomicLong floodEnd = new AtomicLong();
    // Every rename leaves from the client's event loop, so the last names are sent after the flood's.
    long timer = clientVertx.setPeriodic(1000 / RENAMES_PER_SECOND, id -> {
      int k = sent.incrementAndGet();
      if (k <= FLOOD_RENAMES) {
        for (Socket r : renamers) r.rename(r.name.replaceAll(" n\\d+$", "") + " n" + k);
      } else if (k == FLOOD_RENAMES + 1) {
        floodEnd.set(System.nanoTime());
        for (int i = 0; i < RENAMERS; i++) renamers.get(i).rename("Dernier nom " + i);
      }
    });
    Eventually.until("the renamers sent " + FLOOD_RENAMES + " names each, then their last", () -> floodEnd.get() != 0);
    clientVertx.cancelTimer(timer);
    double seconds = (floodEnd.get() - started) / 1e9;
    long bytesPerSecond = Math.round((observer.presenceBytes.get() - bytesBefore) / seconds);
    int floodFrames = observer.presenceFrames.get() - framesBefore;
    double framesPerSecond = floodFrames / seconds;
    long floodWrites = hsetCalls() - writesBefore;
    double writesPerSecond = floodWrites / seconds;

    Eventually.until("the observer sees every renamer's last name", () -> {
      Map<String, String> names = observer.names();
      for (int i = 0; i < RENAMERS; i++) if (!("Dernier nom " + i).equals(names.get(renamers.get(i).clientId))) return false;
      return true;
    }, () -> "refusals " + renamers.stream().map(r -> r.refusals.get()).toList() + ", names "
        + renamers.stream().map(r -> observer.names().get(r.clientId)).toList());
    for (Socket r : renamers) r.ws.close().await();
    PadNotes notes = store.notes();
    Eventually.until("the pad remembers every renamer's last name once they left", () -> {
      Map<String, PadNotes.AuthorProfile> authors = notes.authors(padId).await();
      for (int i = 0; i < RENAMERS; i++) {
        PadNotes.AuthorProfile p = authors.get(renamers.get(i).clientId);
        if (p == null || !p.name().equals("Dernier nom " + i)) return false;
      }
      return true;
    });

    long allWrites = hsetCalls() - writesBefore;
    int refused = renamers.stream().mapToInt(r -> r.refusals.get()).sum();
    System.out.printf("profile flood over %.2f s: observer got %.1f presence frames/s, %d bytes/s; "
        + "profile writes to Redis %d (%.1f/s), %d until the last names were stored; profile changes refused %d%n",
        seconds, framesPerSecond, bytesPerSecond, floodWrites, writesPerSecond, allWrites, refused);
    long allowedFrames = (long) (seconds * 1000 / PRESENCE_MILLIS) + 2;
    assertTrue(floodFrames <= allowedFrames,
        "presence frames to the observer: " + floodFrames + " in " + seconds + " s, at most " + allowedFrames);
    assertTrue(bytesPerSecond < 100_000, "presence bytes a second to the observer: " + bytesPerSecond);
    long allowedWrites = RENAMERS * ((long) (seconds * 1000 / STORE_MILLIS) + 2);
    assertTrue(floodWrites <= allowedWrites, "profile writes during the flood: " + floodWrites + ", at most " + allowedWrites);
    assertTrue(refused > 0, "beyond the profile rate, changes are refused with profile-rate-limited");
  }

  /** HSET commands Redis ran so far (author profiles are its only HSETs while nobody types). */
  private long hsetCalls() {
    String info = redisApi.info(List.of("commandstats")).await().toString();
    Matcher m = Pattern.compile("cmdstat_hset:calls=(\\d+)").matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
