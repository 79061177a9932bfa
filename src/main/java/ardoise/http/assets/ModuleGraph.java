package ardoise.http.assets;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which modules a page's scripts import, directly or not, found by reading their static
 * {@code import}/{@code export … from} statements. The page lists them as {@code modulepreload}
 * links, so the browser asks for the whole chain at once instead of discovering it one level per
 * round trip. Dynamic {@code import()} is left out on purpose: what it loads is loaded later.
 */
final class ModuleGraph {
  /** {@code import x from "m"}, {@code import {a} from 'm'}, {@code export * from "m"}, {@code import "m"}. */
  private static final Pattern STATIC_IMPORT = Pattern.compile(
      "(?:^|[\\s;}])(?:import|export)(?:\\s*[\\w*{}\\s,$]*?\\s*from)?\\s*[\"']([^\"'\\n]+)[\"']", Pattern.MULTILINE);
  /**
   * Comments that open a line, which may quote code (a JSDoc {@code import("m")} type is not an
   * import). Only those: a comment opener inside a string ({@code "text/*"}) must not hide code.
   */
  private static final Pattern COMMENT = Pattern.compile("^[ \\t]*(?:/\\*.*?\\*/|//[^\\n]*)", Pattern.DOTALL | Pattern.MULTILINE);

  private final Map<String, String> importMap;
  private final Function<String, String> source;

  /**
   * {@code importMap}: bare specifier → URL path. {@code source}: a module's text by its URL path, or
   * null when there is none.
   */
  ModuleGraph(Map<String, String> importMap, Function<String, String> source) {
    this.importMap = importMap;
    this.source = source;
  }

  /** Every module the entries need, entries excluded, in the order they were found (nearest first). */
  List<String> dependencies(List<String> entries) {
    Set<String> seen = new LinkedHashSet<>(entries);
    Deque<String> queue = new ArrayDeque<>(entries);
    List<String> found = new ArrayList<>();
    while (!queue.isEmpty()) {
      String module = queue.poll();
      String text = source.apply(module);
      if (text == null) continue;
      for (String specifier : imports(text)) {
        String url = resolve(module, specifier);
        if (url != null && seen.add(url)) {
          found.add(url);
          queue.add(url);
        }
      }
    }
    return found;
  }

  /** The specifiers a module's text imports statically. */
  static List<String> imports(String text) {
    Matcher m = STATIC_IMPORT.matcher(COMMENT.matcher(text).replaceAll(" "));
    List<String> specifiers = new ArrayList<>();
    while (m.find()) specifiers.add(m.group(1));
    return specifiers;
  }

  /** The URL path a specifier names from {@code module}, or null (an unmapped bare name, another site). */
  String resolve(String module, String specifier) {
    if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
      String path = URI.create("http://x" + module).resolve(specifier).getPath();
      return path.startsWith("/") ? path : null;
    }
    return importMap.get(specifier);
  }
}
