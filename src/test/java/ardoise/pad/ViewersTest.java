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

  private <T> T on(Supplier<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> f.complete(action.get()));
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void viewersAreCountedNotListedAndNeverRememberedAsAuthors() throws Exception {
    PadRegistry registry = on(() -> new PadRegistry(new InMemoryPadStore(), PadContext.settings(1000, 10, 1000, 60_000), context));
    List<String> seen = new ArrayList<>();
    on(() -> { registry.onMemberSeen((padId, info) -> seen.add(info.name())); return null; });
    CompletableFuture<Pad> loaded = new CompletableFuture<>();
    context.runOnContext(v -> registry.pad("vue").onComplete(r -> loaded.complete(r.result())));
    Pad pad = loaded.get(10, TimeUnit.SECONDS);
    RecordingMember writer = new RecordingMember("writer-0000000001");
    RecordingMember viewer = new RecordingMember("viewer-0000000001", true);
    on(() -> pad.join(writer.arrival(), 0L));
    assertEquals("joined 0", writer.next());
    on(() -> pad.join(viewer.arrival(), 0L));
    assertEquals("joined 0", viewer.next());
    on(() -> pad.memberCount()); // the queued joins ran before this

    assertEquals(List.of("[writer-0000000001] / 0", "[writer-0000000001] / 1"), writer.presence());
    assertEquals(List.of("[writer-0000000001] / 1"), viewer.presence());
    assertEquals(List.of("writer-0000000001"), on(() -> pad.members().stream().map(MemberInfo::name).toList()));
    assertEquals(List.of("writer-0000000001"), seen, "only the writer is remembered as an author");
  }
}
