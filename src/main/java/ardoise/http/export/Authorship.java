package ardoise.http.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authors present in an exported revision, numbered in order of first appearance (the number
 * names their CSS class or document style), with their display name and colour. Empty when the
 * export does not show authorship.
 */
final class Authorship {
  private final List<String> ids;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Contributor> contributors;
  private final ExportLabels labels;

  private Authorship(List<String> ids, Map<String, Contributor> contributors, ExportLabels labels) {
    this.ids = ids;
    this.contributors = contributors;
    this.labels = labels;
    for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
  }

  static Authorship of(ExportInput input) {
    List<String> ids = input.options().withAuthorship() ? new AuthorRuns(input.runs()).authorsInOrder() : List.of();
    return new Authorship(ids, input.contributors(), ExportLabels.of(input.options()));
  }

  boolean shown() {
    return !ids.isEmpty();
  }

  /** Author ids in order of first appearance. */
  List<String> ids() {
    return ids;
  }

  /** Author id → its number (0-based). */
  Map<String, Integer> numbers() {
    return index;
  }

  int number(String author) {
    return index.getOrDefault(author, 0);
  }

  Contributor contributor(String author) {
    Contributor known = contributors.get(author);
    if (known == null || known.name().isEmpty()) {
      return new Contributor(labels.anonymous(), known == null ? Contributor.NEUTRAL : known.colour());
    }
    return known;
  }
}
