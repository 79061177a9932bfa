package ardoise.protocol;

/** Default member colours, chosen from the authorId so one person keeps a colour across reconnects. */
final class Palette {
  // Readable on white and distinct for the common colour-vision deficiencies (Okabe–Ito plus darks).
  private static final String[] COLORS = {
    "#e69f00", "#56b4e9", "#009e73", "#d55e00", "#cc79a7", "#0072b2", "#8c564b", "#7f7f7f", "#bcbd22", "#17becf"
  };

  private Palette() {}

  static String colorOf(String authorId) {
    return COLORS[Math.floorMod(authorId.hashCode(), COLORS.length)];
  }
}
