package ardoise.ot;

import java.util.ArrayDeque;

/** Messages and links of the convergence simulation (no sockets: FIFO queues that a drop empties). */
final class SimWire {
  private SimWire() {}

  sealed interface Up permits Join, Submit {}

  sealed interface Down permits Ack, Broadcast {}

  /** A (re)connecting client that has seen every revision up to {@code rev}. */
  record Join(String clientId, int rev) implements Up {}

  /** An op made on revision {@code rev}; {@code op} carries no authors, like the wire form. */
  record Submit(String clientId, int seq, int rev, TextOperation op) implements Up {}

  /** The client's op {@code seq} became revision {@code rev}. */
  record Ack(int seq, int rev) implements Down {}

  /** Another client's op, turning {@code rev - 1} into {@code rev}; its inserts are by {@code author}. */
  record Broadcast(int rev, TextOperation op, String author) implements Down {}

  /** One client's connection: a FIFO queue each way. Dropping it loses whatever is in flight. */
  static final class Link {
    final ArrayDeque<Up> up = new ArrayDeque<>();
    final ArrayDeque<Down> down = new ArrayDeque<>();
    boolean open = true;

    void drop() {
      open = false;
      up.clear();
      down.clear();
    }

    void send(Up m) {
      if (open) up.addLast(m);
    }

    void send(Down m) {
      if (open) down.addLast(m);
    }
  }
}
