package ardoise.store;

import ardoise.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;

/** Op records for store tests. */
public final class OpRecords {
  private OpRecords() {}

  /** Records inserting {@code texts} one after another at the start of a doc of length {@code length}. */
  public static List<OpRecord> inserts(long head, int length, String clientId, long firstSeq, String... texts) {
    List<OpRecord> records = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      TextOperation.Builder b = TextOperation.builder().insert(texts[i], "author-" + clientId);
      if (length > 0) b.retain(length);
      records.add(new OpRecord(head + 1 + i, b.build(), clientId, firstSeq + i, "author-" + clientId, 1000 + head + i));
      length += texts[i].length();
    }
    return records;
  }
}
