package ardoise.http;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Readable pad names such as {@code atelier-mardi-7f3k}: two French words and a random suffix. */
public final class NameSuggestions {
  private static final String[] NOUNS = {
    "atelier", "reunion", "projet", "idees", "notes", "bilan", "equipe", "plan", "chantier", "forum",
    "jardin", "cahier", "table", "ronde", "seance", "recit", "carnet", "synthese", "debat", "esquisse"
  };
  private static final String[] QUALIFIERS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "matin", "soir", "printemps", "ete", "automne",
    "hiver", "bleu", "vert", "rouge", "clair", "rapide", "commun", "ouvert", "neuf", "vif"
  };
  private static final String SUFFIX_CHARS = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (l/1, o/0)

  private final RandomGenerator random;

  public NameSuggestions() {
    this(new SecureRandom());
  }

  NameSuggestions(RandomGenerator random) {
    this.random = random;
  }

  /** A fresh name; the 4-character suffix (~900,000 choices) makes collisions unlikely, not impossible. */
  public String next() {
    StringBuilder sb = new StringBuilder();
    sb.append(NOUNS[random.nextInt(NOUNS.length)]).append('-').append(QUALIFIERS[random.nextInt(QUALIFIERS.length)]).append('-');
    for (int i = 0; i < 4; i++) sb.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
    return sb.toString();
  }
}
