package ardoise.http;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Readable pad names nobody can guess, such as {@code atelier-mardi-7f3k9q2mx4b8}: two French words
 * and a random tail, every part drawn from {@link SecureRandom}.
 *
 * <p>Why that long a tail: a pad's name is its edit link, so a suggested name must not be found by
 * trying names. The words carry log2(20 × 20) ≈ 8.6 bits and each tail character 5 bits (32
 * characters), so 12 of them make about 68.6 bits, above the 64 bits a name must carry even counting
 * the words for nothing ({@code NameSuggestionsTest} measures it from these tables). The tail has no
 * look-alikes (no l, o, 0, 1) so it can be read aloud or typed from a projector, and every part is
 * a valid, canonical pad name ({@link PadName}) of 26–33 characters.
 */
public final class NameSuggestions {
  static final String[] NOUNS = {
    "atelier", "reunion", "projet", "idees", "notes", "bilan", "equipe", "plan", "chantier", "forum",
    "jardin", "cahier", "table", "ronde", "seance", "recit", "carnet", "synthese", "debat", "esquisse"
  };
  static final String[] QUALIFIERS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "matin", "soir", "printemps", "ete", "automne",
    "hiver", "bleu", "vert", "rouge", "clair", "rapide", "commun", "ouvert", "neuf", "vif"
  };
  /** 32 characters (5 bits each): letters and digits without l, o, 0 and 1, which look like one another. */
  static final String TAIL_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";
  static final int TAIL_LENGTH = 12;

  private final RandomGenerator random;

  public NameSuggestions() {
    this(new SecureRandom());
  }

  NameSuggestions(RandomGenerator random) {
    this.random = random;
  }

  /** A fresh name: noun-qualifier-tail, each part chosen uniformly and independently. */
  public String next() {
    StringBuilder sb = new StringBuilder(40);
    sb.append(NOUNS[random.nextInt(NOUNS.length)]).append('-').append(QUALIFIERS[random.nextInt(QUALIFIERS.length)]).append('-');
    for (int i = 0; i < TAIL_LENGTH; i++) sb.append(TAIL_CHARS.charAt(random.nextInt(TAIL_CHARS.length())));
    return sb.toString();
  }
}
