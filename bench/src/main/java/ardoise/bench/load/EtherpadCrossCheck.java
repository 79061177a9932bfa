package ardoise.bench.load;

import java.util.Random;

/**
 * Prints random cases of {@link EtherpadChangeset} as JSON lines (two changesets made on one text,
 * a third made after the first, and what {@code follow} and {@code compose} give here), for
 * bench/etherpad/crosscheck.js to recompute with the installed Etherpad's own Changeset.js and
 * compare byte for byte. bench/run-all.sh runs both after installing Etherpad.
 *
 * <p>Usage: {@code EtherpadCrossCheck [cases=2000] [seed=time]}.
 */
public final class EtherpadCrossCheck {
  private static final String CHARS = "abcé \n\n";

  private EtherpadCrossCheck() {}

  public static void main(String[] args) {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    System.err.println("EtherpadCrossCheck seed " + seed);
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cases; i++) {
      String text = text(random, random.nextInt(25)) + "\n";
      EtherpadChangeset a = changeset(random, text);
      EtherpadChangeset b = changeset(random, text);
      EtherpadChangeset then = changeset(random, a.apply(text));
      boolean reverse = random.nextBoolean();
      sb.setLength(0);
      sb.append("{\"text\":");
      Json.string(sb, text);
      sb.append(",\"a\":");
      Json.string(sb, a.pack());
      sb.append(",\"b\":");
      Json.string(sb, b.pack());
      sb.append(",\"then\":");
      Json.string(sb, then.pack());
      sb.append(",\"reverse\":").append(reverse).append(",\"follow\":");
      Json.string(sb, EtherpadChangeset.follow(a, b, reverse).pack());
      sb.append(",\"compose\":");
      Json.string(sb, EtherpadChangeset.compose(a, then).pack());
      sb.append(",\"applied\":");
      Json.string(sb, a.apply(text));
      System.out.println(sb.append('}'));
    }
  }

  private static String text(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
    return sb.toString();
  }

  /** One to three inserts (by author *0 or *1) or deletes composed, never touching the final newline. */
  private static EtherpadChangeset changeset(Random random, String text) {
    EtherpadChangeset cs = EtherpadChangeset.identity(text.length());
    String now = text;
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      int editable = now.length() - 1;
      EtherpadChangeset edit;
      if (editable > 0 && random.nextInt(3) == 0) {
        int pos = random.nextInt(editable);
        edit = EtherpadChangeset.delete(now, pos, 1 + random.nextInt(Math.min(4, editable - pos)));
      } else {
        edit = EtherpadChangeset.insert(now, random.nextInt(editable + 1), text(random, 1 + random.nextInt(3)),
            random.nextBoolean() ? "*0" : "*1");
      }
      cs = EtherpadChangeset.compose(cs, edit);
      now = edit.apply(now);
    }
    return cs;
  }
}
