package ardoise.http.api;

import java.util.List;

/** One page of the pad listing; {@code nextCursor} asks for the next page (null: the listing is complete). */
public record PadPage(List<PadSummary> pads, String nextCursor) {
  public PadPage {
    pads = List.copyOf(pads);
  }
}
