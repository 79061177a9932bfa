package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.ChatLog;
import ardoise.store.ChatMessage;
import ardoise.store.ForwardingPadStore;
import ardoise.store.InMemoryPadStore;
import ardoise.store.SnapshotPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pad's chat without sockets: told only once stored, in order, history for late joiners. */
class PadChatTest {
  private final PadContext pads = new PadContext();
  private final Context context = pads.context;
  private final InMemoryPadStore memory = new InMemoryPadStore();
  private final HeldChatStore store = new HeldChatStore(memory);

  @AfterEach
  void close() {
    pads.close();
  }

  /** A store whose chat appends wait for {@link #release} (completed on the pad's context). */
  static final class HeldChatStore extends ForwardingPadStore {
    Promise<Void> gate = Promise.promise();

    HeldChatStore(InMemoryPadStore memory) {
      super(memory);
    }

    @Override
    public ChatLog chat() {
      ChatLog real = delegate.chat();
      return new ChatLog() {
        @Override public Future<ChatMessage> append(String padId, ChatMessage message, int keep) {
          return gate.future().compose(v -> real.append(padId, message, keep));
        }

        @Override public Future<List<ChatMessage>> recent(String padId, int limit) {
          return real.recent(padId, limit);
        }
      };
    }
  }

  private <T> T on(Supplier<T> action) {
    return pads.on(action);
  }

  private Pad pad(int chatKept) {
    PadSettings settings = new PadSettings(1000, 10, SnapshotPolicy.DEFAULT, 60_000, PadSettings.WINDOW_SIZE,
        PadSettings.MAX_PENDING_OPS, PadSettings.MAX_BATCH, 0, chatKept);
    PadRegistry registry = on(() -> new PadRegistry(store, settings, context));
    return pads.load(registry, "causerie");
  }

  private RecordingMember join(Pad pad, String clientId, boolean viewer) throws Exception {
    RecordingMember m = new RecordingMember(clientId, viewer);
    on(() -> pad.join(m.arrival(), null));
    assertEquals("joined 0 text=", m.next());
    return m;
  }

  private void release() {
    on(() -> store.gate.tryComplete());
  }

  private List<ChatMessage> stored() {
    return pads.onFuture(() -> memory.chat().recent("causerie", 100));
  }

  @Test
  void aMessageReachesEveryoneOnlyOnceStored() throws Exception {
    Pad pad = pad(100);
    RecordingMember alice = join(pad, "alice-0000000001", false);
    RecordingMember bruno = join(pad, "bruno-0000000001", false);
    RecordingMember viewer = join(pad, "viewer-000000001", true);
    on(() -> { pad.chat(alice, "Bonjour <b>à tous</b>"); return null; });
    on(() -> pad.memberCount()); // the request ran: the append now waits for the store
    assertEquals(List.of(), stored());
    assertEquals(0, alice.unreadChats() + bruno.unreadChats() + viewer.unreadChats(), "told before stored");

    release();
    for (RecordingMember m : List.of(alice, bruno, viewer)) {
      assertEquals("chat [1:alice-0000000001:Bonjour <b>à tous</b>]", m.nextChat());
    }
    assertEquals(1, stored().size());
  }

  @Test
  void messagesKeepTheirOrderAndLateJoinersGetTheNewestKept() throws Exception {
    release();
    Pad pad = pad(3);
    RecordingMember alice = join(pad, "alice-0000000001", false);
    for (int i = 1; i <= 5; i++) {
      int n = i;
      on(() -> { pad.chat(alice, "message " + n); return null; });
    }
    for (int i = 1; i <= 5; i++) assertEquals("chat [" + i + ":alice-0000000001:message " + i + "]", alice.nextChat());
    RecordingMember late = join(pad, "late-00000000001", true);
    assertEquals("history [3:alice-0000000001:message 3, 4:alice-0000000001:message 4, 5:alice-0000000001:message 5]",
        late.nextChat());
  }

  @Test
  void aJoinerDuringAnAppendGetsTheMessageExactlyOnce() throws Exception {
    Pad pad = pad(100);
    RecordingMember alice = join(pad, "alice-0000000001", false);
    on(() -> { pad.chat(alice, "en vol"); return null; });
    RecordingMember carol = new RecordingMember("carol-0000000001");
    on(() -> pad.join(carol.arrival(), null));
    release();
    assertEquals("joined 0 text=", carol.next());
    assertEquals("history [1:alice-0000000001:en vol]", carol.nextChat());
    assertEquals("chat [1:alice-0000000001:en vol]", alice.nextChat());
    on(() -> { pad.chat(alice, "après"); return null; });
    assertEquals("chat [2:alice-0000000001:après]", carol.nextChat());
    assertEquals(0, carol.unreadChats(), "the message in flight was told twice");
  }

  @Test
  void viewersReadButDoNotWrite() throws Exception {
    release();
    Pad pad = pad(100);
    RecordingMember alice = join(pad, "alice-0000000001", false);
    RecordingMember viewer = join(pad, "viewer-000000001", true);
    on(() -> { pad.chat(viewer, "depuis le projecteur"); return null; });
    on(() -> { pad.chat(alice, "témoin"); return null; });
    assertEquals("chat [1:alice-0000000001:témoin]", viewer.nextChat());
    assertEquals(List.of("témoin"), stored().stream().map(ChatMessage::text).toList());
  }

  @Test
  void aMessageTheStoreRefusesIsRefusedToItsSenderOnly() throws Exception {
    release();
    Pad pad = pad(100);
    RecordingMember alice = join(pad, "alice-0000000001", false);
    RecordingMember bruno = join(pad, "bruno-0000000001", false);
    memory.setAvailable(false);
    on(() -> { pad.chat(alice, "perdu ?"); return null; });
    assertEquals("rejected STORE_UNAVAILABLE 0", alice.next());
    memory.setAvailable(true);
    on(() -> { pad.chat(bruno, "revenu"); return null; });
    assertEquals("chat [1:bruno-0000000001:revenu]", alice.nextChat());
    assertEquals("chat [1:bruno-0000000001:revenu]", bruno.nextChat());
    assertEquals(0, bruno.unreadChats());
  }
}
