package ardoise.http;

import ardoise.http.export.Contributor;
import ardoise.pad.MemberInfo;
import ardoise.pad.Pad;
import ardoise.pad.PadRegistry;
import ardoise.store.PadNotes;
import ardoise.store.PadNotes.AuthorProfile;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Names and colours of a pad's authors: those remembered in {@link PadNotes} (every join and
 * profile change is recorded there), overridden by the members connected right now.
 * Thread rule: call on the server verticle's context (it reads the registry).
 */
final class Contributors {
  private final PadRegistry registry;
  private final PadNotes notes;

  Contributors(PadRegistry registry, PadNotes notes) {
    this.registry = registry;
    this.notes = notes;
  }

  Future<Map<String, AuthorProfile>> profiles(String padId) {
    return notes.authors(padId).recover(e -> Future.succeededFuture(Map.of())).map(stored -> {
      Map<String, AuthorProfile> all = new HashMap<>(stored);
      Pad pad = registry.loaded(padId);
      if (pad != null) {
        for (MemberInfo m : pad.members()) all.put(m.authorId(), new AuthorProfile(m.name(), m.color()));
      }
      return all;
    });
  }

  Future<Map<String, Contributor>> forExport(String padId) {
    return profiles(padId).map(profiles -> {
      Map<String, Contributor> out = new HashMap<>();
      profiles.forEach((id, p) -> out.put(id, new Contributor(p.name(), p.color())));
      return out;
    });
  }
}
