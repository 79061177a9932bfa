package ardoise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded random pad history written to a store in random batches, with snapshots every few
 * revisions; then checks that what the store gives back rebuilds the same documents as replaying
 * every op from revision 0. The expected documents are computed here, before anything is stored.
 */
final class RandomHistory {
  private static final String[] AUTHORS = {"ana", "bruno", "chloé", "dédé"};
  private static final String[] PIECES = {"a", "é", "Bonjour ", "\n", "😀", "« x »", "ligne\n"};

  private RandomHistory() {}

  /** Runs {@code -Dot.cases} histories (default 8) from {@code -Dot.seed} (default: the clock). */
  static void checkCases(PadStore store, Supplier<String> newPadId) throws Exception {
    long seed = Long.getLong("ot.seed", System.nanoTime());
    int cases = Integer.getInteger("ot.cases", 8);
    for (int c = 0; c < cases; c++) {
      long caseSeed = seed + c;
      try {
        check(store, newPadId.get(), caseSeed);
      } catch (Throwable t) {
        throw new AssertionError("replay mismatch; replay with -Dot.seed=" + caseSeed + " -Dot.cases=1", t);
      }
    }
  }

  static void check(PadStore store, String pad, long seed) throws Exception {
    Random random = new Random(seed);
    int revisions = 40 + random.nextInt(120);
    int snapshotEvery = 5 + random.nextInt(20);
    List<AttributedText> docs = new ArrayList<>(List.of(AttributedText.EMPTY));
    List<OpRecord> batch = new ArrayList<>();
    long[] seqs = new long[AUTHORS.length];
    for (int rev = 1; rev <= revisions; rev++) {
      int who = random.nextInt(AUTHORS.length);
      String author = AUTHORS[who];
      TextOperation op = randomOp(random, docs.get(rev - 1).text()).withAuthor(author);
      docs.add(docs.get(rev - 1).apply(op, author));
      batch.add(new OpRecord(rev, op, "client-" + who, ++seqs[who], author, 1_700_000_000_000L + rev));
      if (random.nextInt(4) == 0 || rev == revisions) {
        assertEquals(new AppendResult(true, rev), store.append(pad, rev - batch.size(), batch).await());
        batch.clear();
        if (rev % snapshotEvery < 4) store.saveSnapshot(pad, new Snapshot(rev, docs.get(rev), rev)).await();
      }
    }
    StoredPad loaded = store.load(pad).await();
    assertEquals(revisions, loaded.head());
    assertEquals(docs.get(revisions), replay(loaded.snapshot().doc(), loaded.tail()));
    assertEquals(docs.get(revisions), replay(AttributedText.EMPTY, store.ops(pad, 0, revisions).await()));
    for (int i = 0; i < 5; i++) {
      int at = random.nextInt(revisions + 1);
      Snapshot base = store.snapshotAtOrBefore(pad, at).await();
      assertEquals(docs.get(at), replay(base.doc(), store.ops(pad, base.rev(), at).await()), "at rev " + at);
    }
  }

  private static AttributedText replay(AttributedText from, List<OpRecord> ops) {
    AttributedText doc = from;
    for (OpRecord r : ops) doc = doc.apply(r.op(), r.author());
    return doc;
  }

  /** An insert or a delete somewhere in {@code text}, never cutting a surrogate pair. */
  private static TextOperation randomOp(Random random, String text) {
    int length = text.length();
    int at = boundary(text, random.nextInt(length + 1));
    TextOperation.Builder b = TextOperation.builder().retain(at);
    if (at < length && random.nextInt(3) == 0) {
      int end = boundary(text, Math.min(length, at + 1 + random.nextInt(4)));
      if (end == at) end = boundary(text, at + 2);
      return b.delete(end - at).retain(length - end).build();
    }
    return b.insert(PIECES[random.nextInt(PIECES.length)]).retain(length - at).build();
  }

  /** {@code index}, moved forward past the second half of a surrogate pair. */
  private static int boundary(String text, int index) {
    return index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
  }
}
