package ardoise.ot;

import java.util.ArrayList;
import java.util.List;

/** A text cut into lines, each keeping its "\n", so the lines joined give the text back. Pure. */
final class Lines {
  private Lines() {}

  static List<String> of(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  /** Code units of lines [from, to). */
  static int length(List<String> lines, int from, int to) {
    int length = 0;
    for (int i = from; i < to; i++) length += lines.get(i).length();
    return length;
  }

  static String join(List<String> lines, int from, int to) {
    return String.join("", lines.subList(from, to));
  }
}
