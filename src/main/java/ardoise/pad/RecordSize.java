package ardoise.pad;

import ardoise.ot.Component;
import ardoise.store.OpRecord;

/**
 * What one committed {@link OpRecord} costs in the heap, estimated from its op alone: O(op size),
 * never O(document). An upper-bound guess (object headers, one object per component, two bytes per
 * inserted UTF-16 code unit), close enough to bound a pad's window in bytes.
 */
final class RecordSize {
  /** The record, its op, the op's list and the record's strings (clientId, author, usually shared). */
  private static final long RECORD_OVERHEAD = 160;
  /** A component object and its slot in the list; an insert adds its string's header. */
  private static final long PER_COMPONENT = 32;
  private static final long STRING_HEADER = 40;

  private RecordSize() {}

  static long of(OpRecord record) {
    long bytes = RECORD_OVERHEAD;
    for (Component c : record.op().components()) {
      bytes += PER_COMPONENT;
      if (c instanceof Component.Insert i) bytes += STRING_HEADER + 2L * i.text().length();
    }
    return bytes;
  }
}
