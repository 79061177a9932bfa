package ardoise.pad;

import io.vertx.core.Context;

/**
 * Who asks to join a pad.
 *
 * @param member the connection the pad will talk to
 * @param info its profile as others see it; from then on the pad holds it (see {@link Pad#profileChanged}).
 *     A null colour means the person chose none: the pad gives one nobody present uses ({@link Palette})
 * @param viewer true for a read-only connection: counted as a viewer, never listed as a writer nor
 *     remembered as an author
 * @param home the context the member lives on when that is not the pad's event loop; null when it is
 * @param preferredColor with a null colour in {@code info}: the colour to keep if it is free (nullable)
 */
public record Arrival(Member member, MemberInfo info, boolean viewer, Context home, String preferredColor) {

  /** An arrival without a preferred colour. */
  public Arrival(Member member, MemberInfo info, boolean viewer, Context home) {
    this(member, info, viewer, home, null);
  }

  /** A writer living on the pad's own event loop. */
  public static Arrival local(Member member, MemberInfo info) {
    return new Arrival(member, info, false, null);
  }
}
