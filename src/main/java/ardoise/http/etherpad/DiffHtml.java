package ardoise.http.etherpad;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * createDiffHTML's answer: the newer text as HTML, with what was removed since the older one struck
 * through ({@code class="removed"}, as Etherpad marks it) and what was added marked
 * {@code class="added"}. Compared word by word (words, spaces and single other characters), so a
 * changed letter shows as a changed word. Everything is escaped; line ends are {@code <br>}.
 */
final class DiffHtml {
  private static final Pattern TOKEN = Pattern.compile("\\w+|\\s|.", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
  static final String STYLE = "<style>\n.removed {text-decoration: line-through; opacity: 0.8}\n"
      + ".added {text-decoration: underline}\n</style>";

  private DiffHtml() {}

  static String between(String older, String newer) {
    List<String> a = tokens(older);
    List<String> b = tokens(newer);
    Patch<String> patch = DiffUtils.diff(a, b);
    StringBuilder html = new StringBuilder(STYLE);
    int at = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      for (; at < delta.getSource().getPosition(); at++) html.append(escape(a.get(at)));
      span(html, "removed", delta.getSource().getLines());
      span(html, "added", delta.getTarget().getLines());
      at += delta.getSource().size();
    }
    for (; at < a.size(); at++) html.append(escape(a.get(at)));
    return html.toString();
  }

  private static void span(StringBuilder html, String kind, List<String> tokens) {
    if (tokens.isEmpty()) return;
    html.append("<span class=\"").append(kind).append("\">");
    tokens.forEach(t -> html.append(escape(t)));
    html.append("</span>");
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  static String escape(String token) {
    if (token.equals("\n")) return "<br>";
    StringBuilder s = new StringBuilder(token.length());
    for (char c : token.toCharArray()) {
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
