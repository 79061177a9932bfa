package ardoise.http.etherpad;

import ardoise.ot.Component;
import ardoise.ot.TextDiff;
import ardoise.ot.TextOperation;

/**
 * createDiffHTML's answer: the newer text as HTML, with what was removed since the older one struck
 * through ({@code class="removed"}, as Etherpad marks it) and what was added marked
 * {@code class="added"}. The changes are {@link TextDiff}'s (lines, then characters, with its bounded
 * cost: two unrelated large texts show as one replacement rather than take minutes). Everything is
 * escaped; line ends are {@code <br>}. Pure.
 */
final class DiffHtml {
  static final String STYLE = "<style>\n.removed {text-decoration: line-through; opacity: 0.8}\n"
      + ".added {text-decoration: underline}\n</style>";

  private DiffHtml() {}

  static String between(String older, String newer) {
    TextOperation op = TextDiff.between(older, newer, "");
    StringBuilder html = new StringBuilder(STYLE);
    int at = 0;
    java.util.List<Component> parts = op.components();
    for (int k = 0; k < parts.size(); k++) {
      Component c = parts.get(k);
      if (c instanceof Component.Retain r) {
        html.append(escape(older.substring(at, at + r.count())));
      } else if (c instanceof Component.Delete d) {
        removed(html, older.substring(at, at + d.count()));
      } else if (c instanceof Component.Insert i) {
        // Operations put an insert before the delete it replaces; a reader expects the old text first.
        if (k + 1 < parts.size() && parts.get(k + 1) instanceof Component.Delete d) {
          removed(html, older.substring(at, at + d.count()));
          at += d.count();
          k++;
        }
        html.append("<span class=\"added\">").append(escape(i.text())).append("</span>");
      }
      at += c.baseLength();
    }
    return html.toString();
  }

  private static void removed(StringBuilder html, String text) {
    html.append("<span class=\"removed\">").append(escape(text)).append("</span>");
  }

  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        case '\n' -> s.append("<br>");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
