package ardoise.http.export;

import java.util.regex.Pattern;

/**
 * How an author appears in an export: a display name and a colour "#rrggbb".
 * Both come from users, so the colour is checked here (it ends up in CSS and XML attributes)
 * and a malformed one is replaced by a neutral grey rather than refused.
 */
public record Contributor(String name, String colour) {
  private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  static final String NEUTRAL = "#9e9e9e";

  public Contributor {
    name = name == null ? "" : name.strip();
    colour = colour != null && HEX_COLOUR.matcher(colour).matches() ? colour.toLowerCase() : NEUTRAL;
  }

  /** The colour without '#', as DOCX and ODT want it. */
  String hex() {
    return colour.substring(1);
  }

  /** The colour mixed with white (weight 0..1 of the colour): a background light enough to read black text on. */
  String tint(double weight) {
    int rgb = Integer.parseInt(hex(), 16);
    StringBuilder out = new StringBuilder("#");
    for (int shift = 16; shift >= 0; shift -= 8) {
      int channel = (rgb >> shift) & 0xff;
      out.append(String.format("%02x", Math.round(255 - (255 - channel) * weight)));
    }
    return out.toString();
  }
}
