package ardoise.store;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The listing part of the {@link PadStore} conformance suite ({@link PadStoreContract} implements
 * it): followed page by page, a listing names every written pad once, with its head and length,
 * and no pad that holds nothing. The store may hold other tests' pads: only these are checked.
 */
public interface ListingContract {

  /** The store under test. */
  PadStore storeUnderTest();

  /** Every pad of a complete listing in pages of at most {@code limit}, by name; fails on a pad listed twice. */
  static Map<String, PadEntry> listAll(PadStore store, int limit) {
    Map<String, PadEntry> listed = new HashMap<>();
    String cursor = null;
    int pages = 0;
    do {
      PadListing page = store.listPads(cursor, limit).await();
      assertTrue(page.pads().size() <= limit, "a page of " + page.pads().size() + " for a limit of " + limit);
      for (PadEntry e : page.pads()) {
        PadEntry before = listed.put(e.padId(), e);
        if (before != null) throw new AssertionError("listed twice: " + e.padId());
      }
      cursor = page.nextCursor();
      assertTrue(++pages < 100_000, "the listing ends");
    } while (cursor != null);
    return listed;
  }

  @Test
  default void aListingInSmallPagesNamesEveryWrittenPadOnceWithItsHeadAndLength() throws Exception {
    PadStore store = storeUnderTest();
    Map<String, Integer> written = new HashMap<>();
    for (int i = 0; i < 7; i++) {
      String pad = "list-" + UUID.randomUUID();
      String[] texts = i % 2 == 0 ? new String[] {"é"} : new String[] {"ab", "c"};
      store.append(pad, 0, inserts(0, 0, "alice", 1, texts)).await();
      written.put(pad, texts.length);
    }
    for (int limit : List.of(1, 2, 1000)) {
      Map<String, PadEntry> listed = listAll(store, limit);
      for (Map.Entry<String, Integer> pad : written.entrySet()) {
        PadEntry e = listed.get(pad.getKey());
        if (e == null) throw new AssertionError(pad.getKey() + " not listed in pages of " + limit);
        assertEquals((long) pad.getValue(), e.head(), e.toString());
        assertEquals(pad.getValue() == 1 ? 1 : 3, e.chars(), e.toString());
        assertTrue(e.lastEditedMillis() > 0, e.toString());
      }
    }
  }

  @Test
  default void aPadWithOnlyAnOwnersPolicyOrDeletedIsNotListed() throws Exception {
    PadStore store = storeUnderTest();
    String policyOnly = "list-policy-" + UUID.randomUUID();
    store.setPolicy(policyOnly, new PadPolicy(true, null, false, PadPolicy.NO_LIFETIME)).await();
    String deleted = "list-deleted-" + UUID.randomUUID();
    store.append(deleted, 0, inserts(0, 0, "alice", 1, "a")).await();
    store.delete(deleted, 3600).await();
    Map<String, PadEntry> listed = listAll(store, 5);
    assertFalse(listed.containsKey(policyOnly), "an owner's settings of a pad never written");
    assertFalse(listed.containsKey(deleted), "a deleted pad");
  }
}
