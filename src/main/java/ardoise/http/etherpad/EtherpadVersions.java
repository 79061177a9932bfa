package ardoise.http.etherpad;

import java.util.List;
import java.util.Map;

/**
 * The versions of Etherpad's HTTP API and the version each function first appeared in, as its
 * public documentation lists them. A client names a version in the address ({@code /api/1.2.13/…});
 * a function newer than that version does not exist for it (code 3), exactly as in Etherpad, so a
 * client written against an old version sees the same set of functions here. Immutable.
 */
final class EtherpadVersions {
  /** Every version Etherpad published, oldest first; the last is the one {@code GET /api} announces. */
  static final List<String> ALL = List.of("1", "1.1", "1.2", "1.2.1", "1.2.7", "1.2.8", "1.2.9", "1.2.10",
      "1.2.11", "1.2.12", "1.2.13", "1.2.14", "1.2.15", "1.3.0");
  static final String CURRENT = ALL.get(ALL.size() - 1);
  /** From this version on, the editing functions take an optional {@code authorId}. */
  static final String AUTHOR_ID_SINCE = "1.3.0";

  /** Etherpad's functions (those Ardoise maps and those it refuses) → the version that introduced them. */
  static final Map<String, String> SINCE = Map.ofEntries(
      Map.entry("createGroup", "1"), Map.entry("createGroupIfNotExistsFor", "1"), Map.entry("deleteGroup", "1"),
      Map.entry("listPads", "1"), Map.entry("createPad", "1"), Map.entry("createGroupPad", "1"),
      Map.entry("createAuthor", "1"), Map.entry("createAuthorIfNotExistsFor", "1"), Map.entry("listPadsOfAuthor", "1"),
      Map.entry("createSession", "1"), Map.entry("deleteSession", "1"), Map.entry("getSessionInfo", "1"),
      Map.entry("listSessionsOfGroup", "1"), Map.entry("listSessionsOfAuthor", "1"), Map.entry("getText", "1"),
      Map.entry("setText", "1"), Map.entry("getHTML", "1"), Map.entry("setHTML", "1"),
      Map.entry("getRevisionsCount", "1"), Map.entry("getLastEdited", "1"), Map.entry("deletePad", "1"),
      Map.entry("getReadOnlyID", "1"), Map.entry("setPublicStatus", "1"), Map.entry("getPublicStatus", "1"),
      Map.entry("listAuthorsOfPad", "1"), Map.entry("padUsersCount", "1"),
      Map.entry("getAuthorName", "1.1"), Map.entry("padUsers", "1.1"), Map.entry("sendClientsMessage", "1.1"),
      Map.entry("listAllGroups", "1.1"),
      Map.entry("checkToken", "1.2"),
      Map.entry("listAllPads", "1.2.1"),
      Map.entry("createDiffHTML", "1.2.7"), Map.entry("getChatHistory", "1.2.7"), Map.entry("getChatHead", "1.2.7"),
      Map.entry("getAttributePool", "1.2.8"), Map.entry("getRevisionChangeset", "1.2.8"),
      Map.entry("copyPad", "1.2.9"), Map.entry("movePad", "1.2.9"),
      Map.entry("getPadID", "1.2.10"),
      Map.entry("getSavedRevisionsCount", "1.2.11"), Map.entry("listSavedRevisions", "1.2.11"),
      Map.entry("saveRevision", "1.2.11"), Map.entry("restoreRevision", "1.2.11"),
      Map.entry("appendChatMessage", "1.2.12"),
      Map.entry("appendText", "1.2.13"),
      Map.entry("getStats", "1.2.14"),
      Map.entry("copyPadWithoutHistory", "1.2.15"));

  private EtherpadVersions() {}

  static boolean known(String version) {
    return ALL.contains(version);
  }

  /** Whether {@code function} exists in {@code version} (a known version). */
  static boolean offers(String version, String function) {
    String since = SINCE.get(function);
    return since != null && ALL.indexOf(version) >= ALL.indexOf(since);
  }

  /** Whether {@code version} passes the optional {@code authorId} of the editing functions. */
  static boolean takesAuthorId(String version) {
    return ALL.indexOf(version) >= ALL.indexOf(AUTHOR_ID_SINCE);
  }
}
