package ardoise.store;

import java.util.List;

/**
 * One page of the written pads ({@link PadStore#listPads}); {@code nextCursor} continues the listing,
 * null once it is complete. A page may hold fewer pads than asked, even none, before the end.
 */
public record PadListing(List<PadEntry> pads, String nextCursor) {
  public PadListing {
    pads = List.copyOf(pads);
  }
}
