package ardoise.http.export;

import ardoise.ot.AuthorRun;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Who wrote each code unit of the exported text, answered by binary search over run starts
 * (O(log runs) per question, so colouring a document costs O(pieces × log runs)). Text by nobody
 * (author "", such as a template's) has the author null: uncoloured, and no contributor.
 */
final class AuthorRuns {
  private final int[] starts;
  private final String[] authors;
  private final int length;

  AuthorRuns(List<AuthorRun> runs) {
    starts = new int[runs.size()];
    authors = new String[runs.size()];
    int pos = 0;
    for (int i = 0; i < runs.size(); i++) {
      starts[i] = pos;
      authors[i] = runs.get(i).author().isEmpty() ? null : runs.get(i).author();
      pos += runs.get(i).length();
    }
    length = pos;
  }

  private int runAt(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The author of the code unit at {@code offset} (null for nobody, and outside the text). */
  String authorAt(int offset) {
    if (offset < 0 || offset >= length || starts.length == 0) return null;
    return authors[runAt(offset)];
  }

  /**
   * Calls {@code piece} for consecutive slices of {@code text}, which sits at {@code offset} in the
   * exported text, one slice per author.
   */
  void split(String text, int offset, BiConsumer<String, String> piece) {
    int done = 0;
    while (done < text.length()) {
      int at = offset + done;
      if (at >= length) {
        piece.accept(text.substring(done), null);
        return;
      }
      int run = runAt(at);
      int runEnd = run + 1 < starts.length ? starts[run + 1] : length;
      int end = Math.min(text.length(), done + (runEnd - at));
      piece.accept(text.substring(done, end), authors[run]);
      done = end;
    }
  }

  /** Distinct authors in order of first appearance in the text (nobody is not one). */
  List<String> authorsInOrder() {
    LinkedHashSet<String> seen = new LinkedHashSet<>(Arrays.asList(authors));
    seen.remove(null);
    return List.copyOf(seen);
  }
}
