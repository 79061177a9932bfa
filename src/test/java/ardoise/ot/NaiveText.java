package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An independent, deliberately simple model of attributed text for the property tests: one char and
 * one author per code unit in plain lists. It shares no code with {@link AttributedText} or
 * {@link TextOperation#apply}.
 */
final class NaiveText {
  final List<Character> chars = new ArrayList<>();
  final List<String> authors = new ArrayList<>();

  static NaiveText of(AttributedText t) {
    NaiveText n = new NaiveText();
    String text = t.text();
    int pos = 0;
    for (AuthorRun run : t.runs()) {
      for (int i = 0; i < run.length(); i++) {
        n.chars.add(text.charAt(pos++));
        n.authors.add(run.author());
      }
    }
    return n;
  }

  /** Applies {@code op} unit by unit; inserts without author get {@code defaultAuthor}. */
  NaiveText apply(TextOperation op, String defaultAuthor) {
    NaiveText out = new NaiveText();
    int pos = 0;
    for (Component c : op.components()) {
      if (c instanceof Retain r) {
        for (int k = 0; k < r.count(); k++, pos++) {
          out.chars.add(chars.get(pos));
          out.authors.add(authors.get(pos));
        }
      } else if (c instanceof Insert i) {
        String who = i.author() != null ? i.author() : defaultAuthor == null ? "" : defaultAuthor;
        for (char ch : i.text().toCharArray()) {
          out.chars.add(ch);
          out.authors.add(who);
        }
      } else {
        pos += ((Delete) c).count();
      }
    }
    if (pos != chars.size()) throw new AssertionError("op base " + op.baseLength() + " != naive length " + chars.size());
    return out;
  }

  String text() {
    StringBuilder sb = new StringBuilder(chars.size());
    for (char c : chars) sb.append(c);
    return sb.toString();
  }

  List<AuthorRun> runs() {
    List<AuthorRun> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= authors.size(); i++) {
      if (i == authors.size() || !authors.get(i).equals(authors.get(start))) {
        runs.add(new AuthorRun(i - start, authors.get(start)));
        start = i;
      }
    }
    return runs;
  }

  /** Plain-text apply through the naive model. */
  static String apply(String doc, TextOperation op) {
    NaiveText n = new NaiveText();
    for (char c : doc.toCharArray()) {
      n.chars.add(c);
      n.authors.add("");
    }
    return n.apply(op, "").text();
  }

  /** Throws unless {@code op} is canonical and its lengths are the sums of its components. */
  static void requireCanonical(TextOperation op, String what) {
    List<Component> cs = op.components();
    int base = 0;
    int target = 0;
    for (int i = 0; i < cs.size(); i++) {
      Component c = cs.get(i);
      base += c.baseLength();
      target += c.targetLength();
      if (c.baseLength() == 0 && c.targetLength() == 0) throw new AssertionError(what + ": empty component in " + cs);
      if (i == 0) continue;
      Component prev = cs.get(i - 1);
      boolean sameKind = prev.getClass() == c.getClass()
          && (!(c instanceof Insert ci) || Objects.equals(((Insert) prev).author(), ci.author()));
      if (sameKind) throw new AssertionError(what + ": adjacent mergeable components in " + cs);
      if (prev instanceof Delete && c instanceof Insert) throw new AssertionError(what + ": insert after delete in " + cs);
    }
    if (base != op.baseLength() || target != op.targetLength()) {
      throw new AssertionError(what + ": lengths " + op.baseLength() + "/" + op.targetLength() + " but components sum to "
          + base + "/" + target);
    }
  }
}
