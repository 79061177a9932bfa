package ardoise.http.export;

import java.util.Map;

/**
 * What the body of the .html export holds between {@code <main>} and {@code </main>}: the pad's
 * Markdown structure as HTML, every character escaped and only safe hrefs ({@link HtmlSink}),
 * without page, styles or authorship classes. For programs that embed a pad's text in their own page.
 * Safe from any thread; runs on a worker (a long pad takes a moment).
 */
public final class HtmlBody {
  private HtmlBody() {}

  /** The fragment of {@code input}'s text (its authorship option is ignored). */
  public static String of(ExportInput input) {
    StringBuilder out = new StringBuilder(input.text().length() * 2 + 64);
    MarkdownWalk.walk(input, new HtmlSink(out, Map.of()));
    return out.toString();
  }
}
