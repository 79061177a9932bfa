package ardoise.history;

import ardoise.ot.AttributedText;
import ardoise.store.OpRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pad's history for scrubbing, without its op records: when each revision was committed, the
 * document at head and a checkpoint of the document every {@value #EVERY} revisions, so any
 * revision costs one checkpoint plus fewer than {@value #EVERY} ops read from the store (never a
 * replay from revision 0). Why no records: a history of large revisions would hold hundreds of
 * megabytes; this holds 8 bytes per revision plus the checkpoints, which share structure (the
 * document is a persistent treap).
 *
 * <p>Invariant: {@code times[i]} is the time of revision {@code i + 1}, for {@code i < head};
 * {@code checkpoints.get(k)} is the document at revision {@code k * EVERY}; {@code headDoc} the one
 * at head. Immutable and safe to share between threads; {@link #extend} returns a new index.
 */
public final class RevisionIndex {
  static final int EVERY = 256;

  private final long[] times;
  private final List<AttributedText> checkpoints;
  private final AttributedText headDoc;
  private final long createdAt;

  private RevisionIndex(long[] times, List<AttributedText> checkpoints, AttributedText headDoc, long createdAt) {
    this.times = times;
    this.checkpoints = checkpoints;
    this.headDoc = headDoc;
    this.createdAt = createdAt;
  }

  /** The index of a pad with no revision yet; {@link #extend} it with its op log. */
  static RevisionIndex empty(long createdAt) {
    return new RevisionIndex(new long[0], List.of(AttributedText.EMPTY), AttributedText.EMPTY, createdAt);
  }

  /** The index of a pad whose op log is {@code ops} from revision 1. CPU-bound: call it on a worker. */
  static RevisionIndex build(List<OpRecord> ops, long createdAt) {
    return empty(createdAt).extend(ops);
  }

  /** This index plus the records that follow its head. CPU-bound in the size of the new records. */
  RevisionIndex extend(List<OpRecord> more) {
    if (more.isEmpty()) return this;
    long[] all = Arrays.copyOf(times, times.length + more.size());
    List<AttributedText> marks = new ArrayList<>(checkpoints);
    AttributedText doc = headDoc;
    int at = times.length;
    for (OpRecord record : more) {
      if (record.rev() != at + 1) {
        throw new IllegalStateException("history has a gap: revision " + record.rev() + " after " + at);
      }
      doc = applyRecord(doc, record);
      all[at++] = record.time();
      if (record.rev() % EVERY == 0) marks.add(doc);
    }
    return new RevisionIndex(all, List.copyOf(marks), doc, createdAt);
  }

  private static AttributedText applyRecord(AttributedText doc, OpRecord record) {
    return doc.apply(record.op(), record.author());
  }

  public long head() {
    return times.length;
  }

  /** The revision of the checkpoint {@link #at} starts from for {@code rev}: read the ops after it up to {@code rev}. */
  public long checkpointBefore(long rev) {
    return rev / EVERY * EVERY;
  }

  /**
   * Revision {@code rev} (0..head), given the records {@code (checkpointBefore(rev), rev]}; the head
   * needs none. Costs one checkpoint and at most EVERY - 1 op applications.
   */
  public Revision at(long rev, List<OpRecord> sinceCheckpoint) {
    if (rev < 0 || rev > head()) throw new RevisionOutOfRange(rev, head());
    if (rev == head()) return new Revision(rev, timeOf(rev), headDoc, head());
    long mark = checkpointBefore(rev);
    AttributedText doc = checkpoints.get((int) (mark / EVERY));
    long expected = mark + 1;
    for (OpRecord r : sinceCheckpoint) {
      if (r.rev() > rev) break;
      if (r.rev() != expected) throw new IllegalStateException("the store returned revision " + r.rev() + " after " + (expected - 1));
      doc = applyRecord(doc, r);
      expected++;
    }
    if (expected != rev + 1) throw new IllegalStateException("the store holds revisions up to " + (expected - 1) + ", not " + rev);
    return new Revision(rev, timeOf(rev), doc, head());
  }

  /** When revision {@code rev} was committed (the pad's creation for revision 0). */
  public long timeOf(long rev) {
    return rev == 0 ? createdAt : times[(int) rev - 1];
  }

  /** The last revision committed at or before {@code time} (epoch ms), or 0. Binary search. */
  public long revAtTime(long time) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
