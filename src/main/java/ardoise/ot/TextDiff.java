package ardoise.ot;


/**
 * The operation turning one text into another, by common prefix and suffix (as webroot/js/ot/diff.js):
 * O(n), one replaced middle at most, so text both sides share keeps its authors.
 * Law: {@code between(a, b).apply(a).equals(b)}; never cuts a surrogate pair of a well-formed text.
 */
public final class TextDiff {
  private TextDiff() {}

  public static TextOperation between(String a, String b, String author) {
    int max = Math.min(a.length(), b.length());
    int start = 0;
    while (start < max && a.charAt(start) == b.charAt(start)) start++;
    if (start > 0 && Character.isHighSurrogate(a.charAt(start - 1))) start--;
    int end = 0;
    while (end < max - start && a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) end++;
    if (end > 0 && Character.isLowSurrogate(a.charAt(a.length() - end))) end--;
    return TextOperation.builder()
        .retain(start)
        .delete(a.length() - start - end)
        .insert(b.substring(start, b.length() - end), author)
        .retain(end)
        .build();
  }
}
