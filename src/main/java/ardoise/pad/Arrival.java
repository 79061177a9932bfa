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
 * @param password the pad's edit password as the person typed it (nullable); checked once, never kept
 * @param address the client address, for the budget of wrong passwords ({@link PasswordTries}); never null
 * @param readOnlyId the read-only id the connection came through (nullable): it is closed when the
 *     owner gives the pad a new one
 */
public record Arrival(Member member, MemberInfo info, boolean viewer, Context home, String preferredColor,
    String password, String address, String readOnlyId) {

  /** An arrival without a password, from no particular address. */
  public Arrival(Member member, MemberInfo info, boolean viewer, Context home, String preferredColor) {
    this(member, info, viewer, home, preferredColor, null, "-", null);
  }

  /** This arrival without its password (once checked: it is not kept). */
  Arrival withoutPassword() {
    return new Arrival(member, info, viewer, home, preferredColor, null, address, readOnlyId);
  }

  /** An arrival without a preferred colour. */
  public Arrival(Member member, MemberInfo info, boolean viewer, Context home) {
    this(member, info, viewer, home, null);
  }

  /** A writer living on the pad's own event loop. */
  public static Arrival local(Member member, MemberInfo info) {
    return new Arrival(member, info, false, null);
  }
}
