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
 * current {@link Connection}, a simulated WebSocket. What the pad tells a connection is checked at
 * once (only stored revisions may be announced) and queued; the simulation delivers each queue's
 * head when it chooses, so connections keep their order and different ones overtake each other.
 *
 * <p>Thread rule: the simulation's context (the pad's).
 */
final class SimulatedEditor {
  final OtClient client;
  private final MemberInfo info;
  private final Pad pad;
  private final HeldRepliesStore store;
  private final Consumer<String> violation;
  private Connection connection;
  /** Our ops the pad acknowledged: seq → revision. */
  final Map<Long, Long> acknowledged = new LinkedHashMap<>();
  int resends;
  int repeatedAcks;
  int bufferedEdits;

  SimulatedEditor(String clientId, String authorId, Pad pad, HeldRepliesStore store, Consumer<String> violation) {
    this.client = new OtClient(clientId, authorId, this::sendOp);
    this.info = new MemberInfo(clientId, authorId, authorId, "#123456");
    this.pad = pad;
    this.store = store;
    this.violation = violation;
  }

  /** Opens a new connection and sends join, with our rev once we have a document (a replay follows). */
  void connect() {
    Connection c = new Connection();
    connection = c;
    Long rev = client.hasDocument() ? client.rev() : null;
    c.up.add(() -> pad.join(new Arrival(c, info, false, null), rev).onComplete(r -> {
      if (r.failed() || !r.result()) violation.accept(info.clientId() + " could not join: " + r.cause());
    }));
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
    c.send(() -> pad.submit(c, rev, seq, op));
  }

  private void joined(long rev, Member.JoinSnapshot snapshot, long lastSeq) {
    if (client.state().seq() > lastSeq) resends++;
    client.joined(rev, snapshot == null ? null : AttributedText.fromRuns(snapshot.text(), snapshot.runs()), lastSeq);
  }

  private void flush(Broadcast flush) {
    for (OpRecord r : flush.records()) {
      client.applyCommitted(r.rev(), r.clientId(), r.seq(), r.op(), r.author());
      if (r.clientId().equals(info.clientId())) acknowledged.put(r.seq(), r.rev());
    }
  }

  private void ack(long seq, long rev) {
    if (client.serverAck(seq, rev) == null) repeatedAcks++;
    else acknowledged.put(seq, rev);
  }

  /**
   * One connection as the pad sees it (a {@link Member}) and as the client sees it: a FIFO queue
   * each way, of deliveries the simulation runs one at a time.
   */
  final class Connection implements Member {
    final ArrayDeque<Runnable> up = new ArrayDeque<>();
    final ArrayDeque<Runnable> down = new ArrayDeque<>();
    boolean open = true;

    void send(Runnable toPad) {
      if (open) up.add(toPad);
    }

    void close() {
      open = false;
      up.clear();
      down.clear();
    }

    private void tell(Runnable toClient) {
      if (open) down.add(toClient);
    }

    @Override public void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
      tell(() -> SimulatedEditor.this.joined(rev, snapshot, lastSeq));
    }

    @Override public void broadcast(Broadcast flush) {
      for (OpRecord r : flush.records()) {
        if (!store.isStored(r)) violation.accept("revision " + r.rev() + " was sent before the store had it: " + r);
      }
      tell(() -> SimulatedEditor.this.flush(flush));
    }

    @Override public void ack(long seq, long rev) {
      if (!store.isStored(rev, info.clientId(), seq)) {
        violation.accept(info.clientId() + " seq " + seq + " acknowledged as revision " + rev + ", which the store does not hold");
      }
      tell(() -> SimulatedEditor.this.ack(seq, rev));
    }

    @Override public void presence(List<MemberInfo> writers, int viewers) {
      // members come and go with the connections; the simulation checks the text, not the list
    }

    @Override public void rejected(Rejection reason, String message, long seq) {
      violation.accept(info.clientId() + " rejected " + reason + " seq " + seq + ": " + message);
    }

    @Override public void evicted(Rejection reason, String message) {
      violation.accept(info.clientId() + " evicted " + reason + ": " + message);
    }
  }
}
