package ardoise.http;

import ardoise.http.export.Contributor;
import ardoise.pad.MemberInfo;
import ardoise.pad.Pad;
import ardoise.pad.PadShards;
import ardoise.store.PadNotes;
import ardoise.store.PadNotes.AuthorProfile;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names and colours of a pad's authors: those remembered in {@link PadNotes} (every join and
 * profile change is recorded there), overridden by the members connected right now.
 * Thread rule: any verticle's context (the members are read on the pad's own context).
 */
final class Contributors {
  private final PadShards shards;
  private final PadNotes notes;

  Contributors(PadShards shards, PadNotes notes) {
    this.shards = shards;
    this.notes = notes;
  }

  Future<Map<String, AuthorProfile>> profiles(String padId) {
    Future<List<MemberInfo>> connected = shards.call(padId, registry -> {
      Pad pad = registry.loaded(padId);
      return Future.succeededFuture(pad == null ? List.<MemberInfo>of() : pad.members());
    });
    return notes.authors(padId).recover(e -> Future.succeededFuture(Map.of())).compose(stored -> connected.map(members -> {
      Map<String, AuthorProfile> all = new HashMap<>(stored);
      for (MemberInfo m : members) all.put(m.authorId(), new AuthorProfile(m.name(), m.color()));
      return all;
    }));
  }

  Future<Map<String, Contributor>> forExport(String padId) {
    return profiles(padId).map(profiles -> {
      Map<String, Contributor> out = new HashMap<>();
      profiles.forEach((id, p) -> out.put(id, new Contributor(p.name(), p.color())));
      return out;
    });
  }
}
