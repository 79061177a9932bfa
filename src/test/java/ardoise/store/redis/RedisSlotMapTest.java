package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ardoise.store.redis.RedisSlotMap.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which the cluster listing walks the masters, on hand-made slot maps. */
class RedisSlotMapTest {
  private static Range range(int start, int end, String master) {
    return new Range(start, end, master, "127.0.0.1", 7000);
  }

  /** Three masters as redis-cli creates them, then after slot 100 moved from a to c. */
  private static final RedisSlotMap STABLE = new RedisSlotMap(List.of(
      range(10923, 16383, "c"), range(0, 5460, "a"), range(5461, 10922, "b")));
  private static final RedisSlotMap MOVED = new RedisSlotMap(List.of(
      range(0, 99, "a"), range(100, 100, "c"), range(101, 5460, "a"), range(5461, 10922, "b"), range(10923, 16383, "c")));

  @Test
  void aStableMapGivesEachMasterOnceByItsFirstSlot() {
    assertEquals(0, STABLE.firstSlot());
    assertEquals(5461, STABLE.nextMaster(0));
    assertEquals(10923, STABLE.nextMaster(5461));
    assertEquals(-1, STABLE.nextMaster(10923));
    assertEquals("b", STABLE.at(5461).master());
    assertEquals("c", STABLE.at(16383).master());
  }

  @Test
  void afterAMoveTheWalkReachesEveryMasterAheadAndRunsOfTheSameMasterOnce() {
    assertEquals(5461, MOVED.nextOtherMaster(5461 - 1), "from a's second run, b comes next");
    assertEquals(10923, MOVED.nextOtherMaster(5461), "then c, although it also serves slot 100 behind");
    assertEquals(-1, MOVED.nextOtherMaster(10923));
    assertEquals(100, MOVED.nextOtherMaster(0), "from a's first run: c's slot 100");
    assertEquals(101, MOVED.nextOtherMaster(100), "then a again (its keys may repeat)");
    assertEquals(-1, MOVED.nextMaster(5461), "by first slots alone, c (first slot 100) would be passed over");
  }

  @Test
  void theFingerprintFollowsMastersNotTheOrderOfTheReply() {
    RedisSlotMap same = new RedisSlotMap(List.of(range(0, 5460, "a"), range(5461, 10922, "b"), range(10923, 16383, "c")));
    assertEquals(STABLE.fingerprint(), same.fingerprint());
    assertNotEquals(STABLE.fingerprint(), MOVED.fingerprint());
    RedisSlotMap failedOver = new RedisSlotMap(List.of(range(0, 5460, "a2"), range(5461, 10922, "b"), range(10923, 16383, "c")));
    assertNotEquals(STABLE.fingerprint(), failedOver.fingerprint(), "a replica took over: another master id");
    assertEquals(8, STABLE.fingerprint().length());
  }

  @Test
  void anUnservedSlotHasNoMaster() {
    RedisSlotMap gap = new RedisSlotMap(List.of(range(0, 5460, "a"), range(10923, 16383, "c")));
    assertNull(gap.at(6000));
    assertEquals(10923, gap.nextOtherMaster(0));
    assertEquals(-1, new RedisSlotMap(List.of()).firstSlot());
  }

  /** The listing reaches each master as the cluster client does: the seed's scheme, credentials and options. */
  @Test
  void aMasterIsReachedWithTheSeedsSchemeAndCredentials() {
    Range master = new Range(0, 5460, "a", "10.0.0.6", 7001);
    assertEquals("rediss://user:s%40cret@10.0.0.6:7001",
        RedisClusterListing.nodeUrl(java.net.URI.create("rediss://user:s%40cret@10.0.0.5:7000"), master));
    assertEquals("redis://10.0.0.6:7001?password=x",
        RedisClusterListing.nodeUrl(java.net.URI.create("redis://10.0.0.5:7000?password=x"), master));
    assertEquals("redis://:pw@[::1]:7002",
        RedisClusterListing.nodeUrl(java.net.URI.create("redis://:pw@10.0.0.5:7000"), new Range(0, 1, "b", "::1", 7002)));
  }
}
