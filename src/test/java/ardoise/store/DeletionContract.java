package ardoise.store;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.AttributedText;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deletion part of the {@link PadStore} conformance suite ({@link PadStoreContract} implements
 * it): a deleted pad leaves nothing readable, only tombstones that hold no content; its name may
 * be written again, its old read-only id never opens anything again.
 */
public interface DeletionContract {

  /** The store under test. */
  PadStore storeUnderTest();

  /** Another instance on the same data (or the same store). */
  PadStore secondInstance();

  private static String pad() {
    return "del-" + UUID.randomUUID();
  }

  /** A pad with something in every part of the store; returns its read-only id. */
  static String writeEverything(PadStore store, String pad) throws Exception {
    store.append(pad, 0, inserts(0, 0, "alice", 1, "Bonjour", " à tous")).await();
    store.saveSnapshot(pad, new Snapshot(1, AttributedText.of("Bonjour", "author-alice"), 10)).await();
    store.notes().rememberAuthor(pad, "author-alice", new PadNotes.AuthorProfile("Alice", "#aa0000")).await();
    store.notes().saveVersion(pad, new PadNotes.SavedVersion(1, "début", "author-alice", 20)).await();
    store.chat().append(pad, new ChatMessage(0, "alice", "author-alice", "Alice", "#aa0000", "salut", 30), 100).await();
    return store.readOnlyId(pad, "ro-" + UUID.randomUUID().toString().substring(0, 18)).await();
  }

  @Test
  default void aDeletedPadLeavesNothingButTombstones() throws Exception {
    PadStore store = storeUnderTest();
    String pad = pad();
    String readOnlyId = writeEverything(store, pad);
    assertFalse(store.wasDeleted(pad).await());

    assertTrue(store.delete(pad, 3600).await(), "something was stored");

    assertNull(store.load(pad).await());
    assertFalse(store.exists(pad).await());
    assertEquals(0, store.ops(pad, 0, 10).await().size());
    assertEquals(Snapshot.EMPTY.rev(), store.snapshotAtOrBefore(pad, 10).await().rev());
    assertTrue(store.notes().authors(pad).await().isEmpty());
    assertTrue(store.notes().versions(pad).await().isEmpty());
    assertTrue(store.chat().recent(pad, 100).await().isEmpty());
    assertNull(store.storedReadOnlyId(pad).await());
    assertNull(store.padOfReadOnlyId(readOnlyId).await());
    assertTrue(store.wasDeleted(pad).await());
    assertTrue(secondInstance().wasDeleted(pad).await(), "every instance sees the tombstone");
    assertTrue(store.wasDeletedReadOnlyId(readOnlyId).await());
    assertFalse(store.delete(pad, 3600).await(), "a second deletion finds nothing");
  }

  @Test
  default void deletingAPadNeverStoredFindsNothingAndLeavesNoTombstone() throws Exception {
    String pad = pad();
    assertFalse(storeUnderTest().delete(pad, 3600).await());
    assertFalse(storeUnderTest().wasDeleted(pad).await());
  }

  @Test
  default void theNameMayBeWrittenAgainButTheOldReadOnlyIdStaysDead() throws Exception {
    PadStore store = storeUnderTest();
    String pad = pad();
    String oldId = writeEverything(store, pad);
    store.delete(pad, 3600).await();

    assertEquals(new AppendResult(true, 1), store.append(pad, 0, inserts(0, 0, "bob", 1, "neuf")).await());
    assertFalse(store.wasDeleted(pad).await(), "a new pad lives under the name");
    assertEquals(1, store.load(pad).await().head(), "only the new pad's revision");
    String newId = store.readOnlyId(pad, "ro-new-" + UUID.randomUUID().toString().substring(0, 14)).await();
    assertNotEquals(oldId, newId);
    assertNull(store.padOfReadOnlyId(oldId).await());
    assertTrue(store.wasDeletedReadOnlyId(oldId).await());
    assertEquals(pad, store.padOfReadOnlyId(newId).await());
  }

  @Test
  default void tombstonesEndAfterTheirTime() throws Exception {
    PadStore store = storeUnderTest();
    String pad = pad();
    String readOnlyId = writeEverything(store, pad);
    store.delete(pad, 1).await();
    long deadline = System.currentTimeMillis() + 10_000;
    while ((store.wasDeleted(pad).await() || store.wasDeletedReadOnlyId(readOnlyId).await())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50); // polling a condition: the tombstone's end
    }
    assertFalse(store.wasDeleted(pad).await(), "the pad's tombstone ended");
    assertFalse(store.wasDeletedReadOnlyId(readOnlyId).await(), "the read-only id's tombstone ended");
  }
}
