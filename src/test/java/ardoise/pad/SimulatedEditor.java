package ardoise.pad;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.testing.OtClient;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One simulated editor tab on a real {@link Pad}: the shared {@link OtClient} state machine, and its
 * current {@link Connection}, a simulated WebSocket to one server instance's pad. What the pad tells a
 * connection is checked at once (only stored revisions may be announced) and queued; the simulation
 * delivers each queue's head when it chooses, so connections keep their order and different ones
 * overtake each other.
 *
 * <p>Thread rule: the simulation's context (the pads').
 */
final class SimulatedEditor {
  final OtClient client;
  private final MemberInfo info;
  private final HeldRepliesStore store;
  private final Consumer<String> violation;
  private final boolean evictionsExpected;
  private Connection connection;
  /** Our ops the pad acknowledged: seq → revision. */
  final Map<Long, Long> acknowledged = new LinkedHashMap<>();
  int resends;
  int repeatedAcks;
  int bufferedEdits;
  int joinsRetried;
  int evictions;

  /** {@code evictionsExpected}: two instances share the store, so a pad may drop its queue and members. */
  SimulatedEditor(String clientId, String authorId, HeldRepliesStore store, Consumer<String> violation,
      boolean evictionsExpected) {
    this.client = new OtClient(clientId, authorId, this::sendOp);
    this.info = new MemberInfo(clientId, authorId, authorId, "#123456");
    this.store = store;
    this.violation = violation;
    this.evictionsExpected = evictionsExpected;
  }

  /** Opens a new connection to {@code pad} and sends join, with our rev once we have a document (a replay follows). */
  void connect(Pad pad) {
    connection = new Connection(pad);
    connection.sendJoin();
  }

  /** The connection breaks: what is in flight is lost both ways. Returns it, for the pad to hear of later. */
  Connection drop() {
    connection.close();
    client.disconnected();
    return connection;
  }

  boolean isConnected() {
    return connection != null && connection.open;
  }

  Connection connection() {
    return connection;
  }

  /** A local edit (the editor applied it to {@code client.document()}). */
  void edit(TextOperation op) {
    if (client.hasPending()) bufferedEdits++;
    client.applyClient(op);
  }

  private void sendOp(long rev, long seq, TextOperation op) {
    Connection c = connection;
    c.send(() -> c.pad.submit(c, rev, seq, op));
  }

  /**
   * One connection as the pad sees it (a {@link Member}) and as the client sees it: a FIFO queue
   * each way, of deliveries the simulation runs one at a time.
   */
  final class Connection implements Member {
    final Pad pad;
    final ArrayDeque<Runnable> up = new ArrayDeque<>();
    final ArrayDeque<Runnable> down = new ArrayDeque<>();
    boolean open = true;
    private boolean joined;

    Connection(Pad pad) {
      this.pad = pad;
    }

    void send(Runnable toPad) {
      if (open) up.add(toPad);
    }

    void close() {
      open = false;
      up.clear();
      down.clear();
    }

    private void sendJoin() {
      Long rev = client.hasDocument() ? client.rev() : null;
      send(() -> pad.join(new Arrival(this, info, false, null), rev));
    }

    private void tell(Runnable toClient) {
      if (open) down.add(toClient);
    }

    @Override public void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
      tell(() -> {
        joined = true;
        if (client.state().seq() > lastSeq) resends++;
        client.joined(rev, snapshot == null ? null : AttributedText.fromRuns(snapshot.text(), snapshot.runs()), lastSeq);
      });
    }

    @Override public void broadcast(Broadcast flush) {
      for (OpRecord r : flush.records()) {
        if (!store.isStored(r)) violation.accept("revision " + r.rev() + " was sent before the store had it: " + r);
      }
      tell(() -> {
        for (OpRecord r : flush.records()) {
          client.applyCommitted(r.rev(), r.clientId(), r.seq(), r.op(), r.author());
          if (r.clientId().equals(info.clientId())) acknowledged.put(r.seq(), r.rev());
        }
      });
    }

    @Override public void ack(long seq, long rev) {
      if (!store.isStored(rev, info.clientId(), seq)) {
        violation.accept(info.clientId() + " seq " + seq + " acknowledged as revision " + rev + ", which the store does not hold");
      }
      tell(() -> {
        if (client.serverAck(seq, rev) == null) repeatedAcks++;
        else acknowledged.put(seq, rev);
      });
    }

    @Override public void presence(List<MemberInfo> writers, int viewers) {
      // members come and go with the connections; the simulation checks the text, not the list
    }

    @Override public void presenceChanged(PresenceChange change, List<MemberInfo> writers) { }

    /**
     * A join whose rev is ahead of this instance's head (it has not caught up with the other one yet)
     * is asked again later. Why not as the browser does (take the text, rebase the pending edits on a
     * diff): the Java client has no diff; asking again tests the same server path.
     */
    @Override public void rejected(Rejection reason, String message, long seq) {
      if (evictionsExpected && reason == Rejection.BAD_REV && seq == 0 && !joined) {
        tell(() -> {
          joinsRetried++;
          sendJoin();
        });
        return;
      }
      violation.accept(info.clientId() + " rejected " + reason + " seq " + seq + ": " + message);
    }

    /** With two instances, a pad drops the members whose queued op the other one committed: they reconnect. */
    /**
     * A reconnection's join replaces the connection before it, still a member when the pad had not
     * seen it close (as a socket the server has not noticed dead): that one is told
     * {@link Rejection#REPLACED}. The connection in use is never replaced.
     */
    @Override public void evicted(Rejection reason, String message) {
      boolean replacedOld = reason == Rejection.REPLACED && connection != this;
      if (!evictionsExpected && !replacedOld) violation.accept(info.clientId() + " evicted " + reason + ": " + message);
      tell(() -> {
        evictions++;
        if (connection == this) drop();
        else close();
      });
    }
  }
}
