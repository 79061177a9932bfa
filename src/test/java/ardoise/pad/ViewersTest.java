package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.InMemoryPadStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Read-only viewers in a pad: they get everything, are counted apart, and are nobody's author. */
class ViewersTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();

  @AfterEach
  void close() {
    vertx.close();
  }

  /** A member recording presence as "writer names / viewers". */
  static final class Watcher implements Member {
    private final MemberInfo info;
    private final boolean viewer;
    final java.util.concurrent.LinkedBlockingQueue<String> told = new java.util.concurrent.LinkedBlockingQueue<>();
    final List<String> presence = new ArrayList<>();

    Watcher(String clientId, boolean viewer) {
      this.info = new MemberInfo(clientId, clientId, clientId, "#000000");
      this.viewer = viewer;
    }

    String next() throws InterruptedException {
      String s = told.poll(10, TimeUnit.SECONDS);
      if (s == null) throw new AssertionError("nothing told to " + info.clientId());
      return s;
    }

    @Override public MemberInfo info() { return info; }
    @Override public void joined(long rev, JoinSnapshot s, long lastSeq) { told.add("joined " + rev); }
    @Override public void ack(long seq, long rev) { told.add("ack " + seq); }
    @Override public void op(ardoise.store.OpRecord r) { told.add("op " + r.rev()); }
    @Override public void presence(List<MemberInfo> members) { throw new AssertionError("the pad gives the viewer count"); }
    @Override public void cursor(String clientId, long rev, int anchor, int head) { told.add("cursor"); }
    @Override public void rejected(Rejection reason, String message, long seq) { told.add(reason.toString()); }
    @Override public void evicted(Rejection reason, String message) { told.add("evicted"); }
    @Override public boolean viewer() { return viewer; }
    @Override public void presence(List<MemberInfo> members, int viewers) {
      presence.add(members.stream().map(MemberInfo::name).toList() + " / " + viewers);
    }
  }

  private <T> T on(Supplier<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> f.complete(action.get()));
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void viewersAreCountedNotListedAndNeverRememberedAsAuthors() throws Exception {
    PadRegistry registry = on(() -> new PadRegistry(new InMemoryPadStore(), PadSettings.of(1000, 10, 1000, 60_000), context));
    List<String> seen = new ArrayList<>();
    on(() -> { registry.onMemberSeen((padId, info) -> seen.add(info.name())); return null; });
    CompletableFuture<Pad> loaded = new CompletableFuture<>();
    context.runOnContext(v -> registry.pad("vue").onComplete(r -> loaded.complete(r.result())));
    Pad pad = loaded.get(10, TimeUnit.SECONDS);
    Watcher writer = new Watcher("writer-0000000001", false);
    Watcher viewer = new Watcher("viewer-0000000001", true);
    on(() -> pad.join(writer, 0L));
    assertEquals("joined 0", writer.next());
    on(() -> pad.join(viewer, 0L));
    assertEquals("joined 0", viewer.next());
    on(() -> pad.memberCount()); // the queued joins ran before this

    assertEquals(List.of("[writer-0000000001] / 0", "[writer-0000000001] / 1"), writer.presence);
    assertEquals(List.of("[writer-0000000001] / 1"), viewer.presence);
    assertEquals(List.of("writer-0000000001"), on(() -> pad.members().stream().map(MemberInfo::name).toList()));
    assertEquals(List.of("writer-0000000001"), seen, "only the writer is remembered as an author");
  }
}
