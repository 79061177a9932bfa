package ardoise.pad;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The colour a member gets when the person did not pick one: one nobody present uses, so that
 * colours tell who wrote what. The same ten colours as the page's swatches
 * (webroot/js/editor/colors.js: each carries white label text at ≥ 4.5:1), listed here in the order
 * they are handed out, alternating warm and cool hues so that the first few are far apart.
 */
final class Palette {
  static final List<String> COLORS = List.of(
      "#0b57d0", // blue
      "#a04500", // orange
      "#2e7d32", // green
      "#ad1457", // raspberry
      "#5e35b1", // violet
      "#6b5d00", // olive
      "#00695c", // teal
      "#b3261e", // red
      "#4e5d6c", // slate
      "#7b4a2a"); // brown

  private Palette() {}

  /**
   * The colour for a member who chose none, in this order of preference:
   * <ol>
   *   <li>{@code remembered}, the colour this author had in this pad before (their text is shown in
   *       it), unless a present member uses it;</li>
   *   <li>{@code preferred}, the colour the browser proposes (its last one), unless a present member
   *       or an absent author of the pad uses it;</li>
   *   <li>the first palette colour nobody present and no absent author uses;</li>
   *   <li>the first one nobody present uses (absent authors' text may then share it);</li>
   *   <li>the one fewest present members use (more members than colours).</li>
   * </ol>
   *
   * @param present the colours of the members present now, one entry per member
   * @param absent the colours of the pad's other known authors (not present)
   */
  static String choose(String remembered, String preferred, Collection<String> present, Set<String> absent) {
    if (remembered != null && !present.contains(remembered)) return remembered;
    if (preferred != null && !present.contains(preferred) && !absent.contains(preferred)) return preferred;
    for (String c : COLORS) if (!present.contains(c) && !absent.contains(c)) return c;
    for (String c : COLORS) if (!present.contains(c)) return c;
    String least = COLORS.get(0);
    long fewest = Long.MAX_VALUE;
    for (String c : COLORS) {
      long uses = present.stream().filter(c::equals).count();
      if (uses < fewest) {
        fewest = uses;
        least = c;
      }
    }
    return least;
  }

  /** The colours of known authors other than {@code authorId} and the members present. */
  static Set<String> absentColors(Map<String, String> known, String authorId, Set<String> presentAuthors) {
    Set<String> out = new java.util.HashSet<>();
    known.forEach((id, color) -> {
      if (!id.equals(authorId) && !presentAuthors.contains(id)) out.add(color);
    });
    return out;
  }
}
