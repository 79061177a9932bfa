package ardoise.http.etherpad;

import java.util.Map;

/**
 * Etherpad functions Ardoise does not offer, each with the reason a client is told (code 3, as for a
 * function that does not exist, so clients that probe for optional functions carry on). The reasons
 * are the ones docs/api.md lists in its compatibility table.
 */
final class NotMapped {
  private static final String GROUPS = "Ardoise has no groups: a pad is reached by its name or its read-only link";
  private static final String AUTHORS = "Ardoise has no author accounts: a person is a name and a colour chosen in the pad,"
      + " and API edits are signed with the key's name";
  private static final String SESSIONS = "Ardoise has no sessions: whoever knows a pad's name opens it; its owner can lock it"
      + " or set a password";
  private static final String CHANGESETS = "Ardoise's revisions are not Etherpad changesets; read a revision's text with getText(padID, rev)";
  private static final String CHAT = "Ardoise's chat is not offered through the Etherpad API";

  static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("createGroup", GROUPS), Map.entry("createGroupIfNotExistsFor", GROUPS),
      Map.entry("deleteGroup", GROUPS), Map.entry("listPads", GROUPS), Map.entry("createGroupPad", GROUPS),
      Map.entry("listAllGroups", GROUPS), Map.entry("setPublicStatus", GROUPS), Map.entry("getPublicStatus", GROUPS),
      Map.entry("createAuthor", AUTHORS), Map.entry("createAuthorIfNotExistsFor", AUTHORS),
      Map.entry("listPadsOfAuthor", AUTHORS), Map.entry("getAuthorName", AUTHORS), Map.entry("listAuthorsOfPad", AUTHORS),
      Map.entry("createSession", SESSIONS), Map.entry("deleteSession", SESSIONS), Map.entry("getSessionInfo", SESSIONS),
      Map.entry("listSessionsOfGroup", SESSIONS), Map.entry("listSessionsOfAuthor", SESSIONS),
      Map.entry("setHTML", "Ardoise pads are plain text (Markdown): send text with setText"),
      Map.entry("getAttributePool", CHANGESETS), Map.entry("getRevisionChangeset", CHANGESETS),
      Map.entry("copyPad", "Ardoise does not copy pads with their history"),
      Map.entry("movePad", "Ardoise does not move pads through the Etherpad API"),
      Map.entry("copyPadWithoutHistory", "Ardoise does not copy pads through the Etherpad API: read getText, then createPad"),
      Map.entry("getPadID", "a read-only id only ever opens a pad read-only: Ardoise never turns it back into the pad's name,"
          + " which would let its holder edit"),
      Map.entry("sendClientsMessage", "Ardoise pads take no custom messages for their clients"),
      Map.entry("getChatHistory", CHAT), Map.entry("getChatHead", CHAT), Map.entry("appendChatMessage", CHAT),
      Map.entry("getStats", "Ardoise reports its figures at /metrics (Prometheus), not through the Etherpad API"));

  private NotMapped() {}

  /** The reason {@code function} is not offered, or null when it is (or is no Etherpad function at all). */
  static String reason(String function) {
    return REASONS.get(function);
  }
}
