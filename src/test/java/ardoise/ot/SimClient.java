package ardoise.ot;

import ardoise.ot.SimWire.Ack;
import ardoise.ot.SimWire.Broadcast;
import ardoise.ot.SimWire.Link;
import ardoise.ot.SimWire.Submit;

/**
 * A simulated editor client mirroring ot.js {@code client.js}: Synchronized, AwaitingConfirm (one
 * outstanding op) or AwaitingWithBuffer (plus local edits composed into a buffer), with a seq per
 * sent op that survives reconnects. Single-threaded test code.
 */
final class SimClient {
  enum State { SYNCHRONIZED, AWAITING_CONFIRM, AWAITING_WITH_BUFFER }

  final String clientId;
  final String author;
  final Link link;
  AttributedText doc = AttributedText.EMPTY;
  int rev;
  State state = State.SYNCHRONIZED;
  TextOperation outstanding;
  TextOperation buffer;
  int outstandingSeq;
  int lastSeq;
  int lateAcks; // how often a duplicate ack was ignored (coverage of the resend path)
  int bufferedEdits;

  SimClient(String clientId, String author, Link link) {
    this.clientId = clientId;
    this.author = author;
    this.link = link;
  }

  /** A local edit: applied at once, sent when nothing is outstanding, else composed into the buffer. */
  void edit(TextOperation op) {
    doc = doc.apply(op, author);
    switch (state) {
      case SYNCHRONIZED -> {
        outstanding = op;
        outstandingSeq = ++lastSeq;
        state = State.AWAITING_CONFIRM;
        link.send(new Submit(clientId, outstandingSeq, rev, outstanding));
      }
      case AWAITING_CONFIRM -> {
        bufferedEdits++;
        buffer = op;
        state = State.AWAITING_WITH_BUFFER;
      }
      case AWAITING_WITH_BUFFER -> {
        bufferedEdits++;
        buffer = buffer.compose(op);
      }
    }
  }

  void receive(SimWire.Down message) {
    if (message instanceof Ack ack) receiveAck(ack);
    else receiveOp((Broadcast) message);
  }

  private void receiveAck(Ack ack) {
    // A resent op that the server had already committed is acknowledged twice: ignore the late one.
    if (state == State.SYNCHRONIZED || ack.seq() < outstandingSeq) {
      lateAcks++;
      return;
    }
    if (ack.seq() != outstandingSeq) throw new AssertionError(clientId + " got ack for future seq " + ack);
    if (ack.rev() != rev + 1) throw new AssertionError(clientId + " at rev " + rev + " got " + ack);
    rev = ack.rev();
    if (state == State.AWAITING_WITH_BUFFER) {
      outstanding = buffer;
      buffer = null;
      outstandingSeq = ++lastSeq;
      state = State.AWAITING_CONFIRM;
      link.send(new Submit(clientId, outstandingSeq, rev, outstanding));
    } else {
      outstanding = null;
      state = State.SYNCHRONIZED;
    }
  }

  private void receiveOp(Broadcast b) {
    if (b.rev() != rev + 1) throw new AssertionError(clientId + " at rev " + rev + " got op for rev " + b.rev());
    TextOperation op = b.op();
    if (state != State.SYNCHRONIZED) {
      // Our pending ops were made before this one: the server will put their inserts first too.
      TextOperation.Transformed p = TextOperation.transform(outstanding, op);
      outstanding = p.aPrime();
      op = p.bPrime();
      if (state == State.AWAITING_WITH_BUFFER) {
        TextOperation.Transformed q = TextOperation.transform(buffer, op);
        buffer = q.aPrime();
        op = q.bPrime();
      }
    }
    doc = doc.apply(op, b.author());
    rev = b.rev();
  }

  /** After a reconnect: join at our revision, then resend the outstanding op with its original seq. */
  void reconnect() {
    link.open = true;
    link.send(new SimWire.Join(clientId, rev));
    if (outstanding != null) link.send(new Submit(clientId, outstandingSeq, rev, outstanding));
  }
}
