package ardoise.store.redis;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.server.ServerFixture;
import ardoise.store.ListingContract;
import ardoise.store.PadEntry;
import ardoise.store.PadListing;
import ardoise.store.PadStore;
import ardoise.store.PadStoreContract;
import ardoise.testing.Eventually;
import ardoise.testing.RedisClusterExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store conformance suite against a real Redis Cluster of three masters and three
 * replicas: every script and multi-key command of the store must touch one slot (the cluster
 * refuses others with CROSSSLOT), commit notifications must reach a store whose connections go
 * to other nodes, and a listing must scan every master. Each test uses its own pad ids, which
 * spread over the three masters.
 */
@Tag("redis")
class RedisClusterPadStoreTest extends PadStoreContract {
  @RegisterExtension
  static final RedisClusterExtension cluster = RedisClusterExtension.create(3, 1);
  private final List<PadStore> others = new ArrayList<>();

  @Override
  protected PadStore newStore(Vertx vertx) {
    return RedisPadStore.create(vertx, RedisTopology.cluster(List.of(cluster.seeds().split(","))), RedisPadStore.Tuning.DEFAULT);
  }

  /** A second store with its own connections: what another server instance would see. */
  @Override
  protected PadStore otherWriter() {
    PadStore other = newStore(vertx);
    others.add(other);
    return other;
  }

  @AfterEach
  void closeOthers() throws Exception {
    for (PadStore other : others) other.close().await();
  }

  /**
   * Pads on each of the three masters, written by one store and watched by another: each watcher
   * hears its pad's commits, through a sharded subscription held on the master that owns the pad.
   */
  @Test
  void padsOnEveryMasterNotifyTheirWatchersThroughShardedChannels() throws Exception {
    List<String> pads = new ArrayList<>();
    Set<Integer> masters = new HashSet<>();
    while (masters.size() < 3) {
      String pad = newPadId();
      if (masters.add(cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta")))) pads.add(pad);
    }
    PadStore watcher = otherWriter();
    List<String> heard = new CopyOnWriteArrayList<>();
    for (String pad : pads) watcher.watch(pad, head -> heard.add(pad + "@" + head)).await();
    for (String pad : pads) {
      int master = cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta"));
      String subscribers = cluster.node(master).cli("PUBSUB", "SHARDNUMSUB", "ardoise:{" + pad + "}:commits");
      assertEquals("1", subscribers.split("\n")[1].strip(), "a sharded subscription on the pad's master: " + subscribers);
    }
    for (String pad : pads) store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")).await();
    Eventually.until("every pad's watcher heard its head", () -> pads.stream().allMatch(p -> heard.contains(p + "@2")),
        heard::toString);
    assertTrue(masters.containsAll(cluster.masterPorts()), "the pads cover every master: " + masters);
  }

  /**
   * A new read-only id, stored through one store, is told (as an owner's change) to another
   * store's watchers of the pad, on every master: the rotation script publishes on the pad's
   * sharded channel, in the pad's slot.
   */
  @Test
  void aNewReadOnlyIdIsToldToTheWatchersOfAnotherStoreOnEveryMaster() {
    PadStore watcher = otherWriter();
    List<String> told = new CopyOnWriteArrayList<>();
    List<String> pads = padsOnEveryMaster().values().stream().map(l -> l.get(0)).toList();
    for (String pad : pads) {
      store.readOnlyId(pad, "ro-" + java.util.UUID.randomUUID()).await();
      watcher.watch(pad, head -> { }, () -> told.add(pad)).await();
    }
    for (String pad : pads) store.rotateReadOnlyId(pad, "ro-" + java.util.UUID.randomUUID()).await();
    Eventually.until("every pad's watcher was told", () -> told.containsAll(pads), told::toString);
  }

  /** Three pads written on each master; by master port. */
  private Map<Integer, List<String>> padsOnEveryMaster() {
    Map<Integer, List<String>> byMaster = new TreeMap<>();
    while (byMaster.size() < 3 || byMaster.values().stream().anyMatch(l -> l.size() < 3)) {
      String pad = newPadId();
      List<String> pads = byMaster.computeIfAbsent(masterOfPad(pad), m -> new ArrayList<>());
      if (pads.size() < 3) {
        store.append(pad, 0, inserts(0, 0, "alice", 1, "ab")).await();
        pads.add(pad);
      }
    }
    return byMaster;
  }

  private static int masterOfPad(String pad) {
    return cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta"));
  }

  /** A SCAN reaches one node: the listing scans every master in turn, page after page. */
  @Test
  void aListingInSmallPagesNamesThePadsOfEveryMaster() {
    Map<Integer, List<String>> byMaster = padsOnEveryMaster();
    Map<String, PadEntry> listed = ListingContract.listAll(store, 2);
    for (List<String> pads : byMaster.values()) {
      for (String pad : pads) {
        assertTrue(listed.containsKey(pad), pad + " (master " + masterOfPad(pad) + ") not listed");
        assertEquals(2, listed.get(pad).chars());
      }
    }
    assertEquals(new TreeSet<>(cluster.masterPorts()), byMaster.keySet(), "the pads cover every master");
  }

  @Test
  void aCursorThisListingDidNotMakeIsRefused() {
    store.append(newPadId(), 0, inserts(0, 0, "alice", 1, "a")).await();
    String made = store.listPads(null, 1).await().nextCursor();
    assertTrue(made != null && made.matches("s[0-9a-f]{8}\\.[0-9]+\\.[0-9]+-[0-9]+"), made);
    for (String bad : List.of("0-0", "nope", "", "s00000000.16384.0-0", "x00000000.0.0-0", "s0000000.0.0-0",
        "S00000000.0.0-0", "s00000000.0.0-0-1", "s00000000.0.-1-0", made + " ")) {
      assertInstanceOf(IllegalArgumentException.class, failureOf(store.listPads(bad, 10)), "cursor " + bad);
    }
  }

  /**
   * A slot moves, during a listing, from a master already scanned to one not yet scanned, which then
   * serves a slot before the listing's place: every pad that stayed in its slot is still named (the
   * listing walks on by slot once the slot map has changed, rather than skip that master).
   */
  @Test
  void aListingGoesOnWhenASlotMovesToAMasterNotYetScanned() {
    Map<Integer, List<String>> byMaster = padsOnEveryMaster();
    List<Integer> order = mastersByFirstSlot();
    int first = order.get(0);
    int second = order.get(1);
    int third = order.get(2);
    String secondFirstSlot = "." + firstSlots().get(second) + ".";
    Set<String> listed = new HashSet<>();
    String cursor = null;
    do {
      PadListing page = store.listPads(cursor, 3).await();
      page.pads().forEach(p -> listed.add(p.padId()));
      cursor = page.nextCursor();
      assertTrue(cursor != null, "the listing reaches the second master");
    } while (!cursor.contains(secondFirstSlot));
    String moved = byMaster.get(first).get(0);
    cluster.moveSlot(cluster.slotOf("ardoise:{" + moved + "}:meta"), third);
    Eventually.until("the third master now comes before the second", () -> mastersByFirstSlot().indexOf(third) == 1,
        cluster::describe);
    do {
      PadListing page = store.listPads(cursor, 3).await();
      page.pads().forEach(p -> listed.add(p.padId()));
      cursor = page.nextCursor();
    } while (cursor != null);
    for (int master : List.of(first, second, third)) {
      for (String pad : byMaster.get(master)) {
        if (!pad.equals(moved)) assertTrue(listed.contains(pad), pad + " of master " + master + " not listed");
      }
    }
  }

  /** The API's listing on a cluster: every master's pads, page after page, and a foreign cursor refused. */
  @Test
  void theApiListsThePadsOfEveryMaster() throws Exception {
    Map<Integer, List<String>> byMaster = padsOnEveryMaster();
    String admin = "admin-secret-0123456789";
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_API_KEYS", "archive:admin:" + admin), otherWriter())) {
      HttpClient http = HttpClient.newHttpClient();
      Set<String> listed = new HashSet<>();
      String cursor = null;
      do {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app.port()
            + "/api/v1/pads?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)))
            .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        JsonObject body = new JsonObject(page.body());
        body.getJsonArray("pads").forEach(p -> assertTrue(listed.add(((JsonObject) p).getString("padId")), "listed twice: " + p));
        cursor = body.getString("nextCursor");
      } while (cursor != null);
      byMaster.values().forEach(pads -> assertTrue(listed.containsAll(pads), pads + " not all listed"));
      HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app.port()
          + "/api/v1/pads?cursor=0-0")).header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, foreign.statusCode(), foreign.body());
    }
  }

  /** Each master's lowest slot, by port (CLUSTER NODES). */
  private static Map<Integer, Integer> firstSlots() {
    Map<Integer, Integer> first = new TreeMap<>();
    for (String line : cluster.describe().split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length <= 8 || !f[2].contains("master") || f[2].contains("fail")) continue;
      String address = f[1].split("@")[0];
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) continue;
        first.merge(port, Integer.parseInt(f[i].split("-")[0]), Math::min);
      }
    }
    return first;
  }

  private static List<Integer> mastersByFirstSlot() {
    Map<Integer, Integer> first = firstSlots();
    return first.keySet().stream().sorted(java.util.Comparator.comparing(first::get)).toList();
  }
}
