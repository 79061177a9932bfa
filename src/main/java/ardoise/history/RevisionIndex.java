package ardoise.history;

import ardoise.ot.AttributedText;
import ardoise.store.OpRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A pad's whole history in memory, for scrubbing: every op record and a checkpoint of the document
 * every {@value #EVERY} revisions, so any revision costs one checkpoint plus fewer than
 * {@value #EVERY} ops (never a replay from revision 0). Checkpoints share structure (the document is
 * a persistent treap), so they cost little memory.
 *
 * <p>Invariant: {@code ops.get(i).rev() == i + 1}; {@code checkpoints.get(k)} is the document at
 * revision {@code k * EVERY}. Immutable and safe to share between threads; {@link #extend} returns a
 * new index.
 */
public final class RevisionIndex {
  static final int EVERY = 256;

  private final List<OpRecord> ops;
  private final List<AttributedText> checkpoints;
  private final long createdAt;

  private RevisionIndex(List<OpRecord> ops, List<AttributedText> checkpoints, long createdAt) {
    this.ops = ops;
    this.checkpoints = checkpoints;
    this.createdAt = createdAt;
  }

  /** The index of a pad whose op log is {@code ops} from revision 1. CPU-bound: call it on a worker. */
  static RevisionIndex build(List<OpRecord> ops, long createdAt) {
    return new RevisionIndex(List.of(), List.of(AttributedText.EMPTY), createdAt).extend(ops);
  }

  /** This index plus the records that follow its head. CPU-bound in the number of new records. */
  RevisionIndex extend(List<OpRecord> more) {
    if (more.isEmpty()) return this;
    List<OpRecord> all = new ArrayList<>(ops.size() + more.size());
    all.addAll(ops);
    List<AttributedText> marks = new ArrayList<>(checkpoints);
    long lastMark = (long) (marks.size() - 1) * EVERY;
    AttributedText doc = marks.get(marks.size() - 1);
    for (long rev = lastMark + 1; rev <= ops.size(); rev++) doc = applyRecord(doc, ops.get((int) rev - 1));
    for (OpRecord record : more) {
      if (record.rev() != all.size() + 1) {
        throw new IllegalStateException("history has a gap: revision " + record.rev() + " after " + all.size());
      }
      all.add(record);
      doc = applyRecord(doc, record);
      if (record.rev() % EVERY == 0) marks.add(doc);
    }
    return new RevisionIndex(List.copyOf(all), List.copyOf(marks), createdAt);
  }

  private static AttributedText applyRecord(AttributedText doc, OpRecord record) {
    return doc.apply(record.op(), record.author());
  }

  public long head() {
    return ops.size();
  }

  /** Revision {@code rev} (0..head). Costs one checkpoint and at most EVERY - 1 op applications. */
  public Revision at(long rev) {
    if (rev < 0 || rev > head()) throw new RevisionOutOfRange(rev, head());
    int mark = (int) (rev / EVERY);
    AttributedText doc = checkpoints.get(mark);
    for (long r = (long) mark * EVERY + 1; r <= rev; r++) doc = applyRecord(doc, ops.get((int) r - 1));
    return new Revision(rev, timeOf(rev), doc, head());
  }

  /** When revision {@code rev} was committed (the pad's creation for revision 0). */
  public long timeOf(long rev) {
    return rev == 0 ? createdAt : ops.get((int) rev - 1).time();
  }

  /** Records of revisions {@code fromExclusive < rev <= toInclusive}, clamped to what exists. */
  public List<OpRecord> ops(long fromExclusive, long toInclusive) {
    int from = (int) Math.max(0, Math.min(fromExclusive, head()));
    int to = (int) Math.max(from, Math.min(toInclusive, head()));
    return ops.subList(from, to);
  }

  /** The last revision committed at or before {@code time} (epoch ms), or 0. Binary search. */
  public long revAtTime(long time) {
    int lo = 0;
    int hi = ops.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ops.get(mid).time() <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
