package ardoise.ot;

/** Checks that keep text valid UTF-16: no lone surrogates, no cut through a surrogate pair. */
final class Utf16 {
  private Utf16() {}

  /** Throws if {@code text} holds a high surrogate not followed by a low one, or a low one alone. */
  static void requireWellFormed(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw new InvalidOperationException("inserted text holds a lone surrogate at index " + i);
        }
      } else if (Character.isLowSurrogate(c)) {
        throw new InvalidOperationException("inserted text holds a lone surrogate at index " + i);
      }
    }
  }

  /** True when a boundary between {@code before} and {@code after} would cut a surrogate pair. */
  static boolean splitsPair(char before, char after) {
    return Character.isHighSurrogate(before) && Character.isLowSurrogate(after);
  }

  /** Throws if position {@code pos} of {@code doc} lies inside a surrogate pair. */
  static void requireBoundary(CharSequence doc, int pos) {
    if (pos > 0 && pos < doc.length() && splitsPair(doc.charAt(pos - 1), doc.charAt(pos))) {
      throw new InvalidOperationException("operation would split a surrogate pair at position " + pos);
    }
  }
}
