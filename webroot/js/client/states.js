// The three states of a client (ot.js lib/client.js), extended with Ardoise's per-client seq.
//
// Invariant: `outstanding` (sent, not yet acknowledged, numbered `seq`) applies to the server
// document at the client's rev; `buffer` (not yet sent, no seq) applies after `outstanding`.
// Every state is an immutable value; methods return the next state (and the op for the editor).

import { TextOperation } from '../ot/text-operation.js';

/** Nothing pending: the editor shows the server document at rev. */
export class Synchronized {
  applyClient(client, op) {
    const seq = client.takeSeq();
    client.sendOp(seq, op);
    return new AwaitingConfirm(op, seq);
  }

  applyServer(client, op) {
    return [this, op];
  }

  serverAck() {
    throw new Error('received an ack while no operation was waiting for one');
  }

  transformSelection(selection) {
    return selection;
  }

  resendMessage() {
    return null;
  }
}

/** One op sent, waiting for its ack. */
export class AwaitingConfirm {
  constructor(outstanding, seq) {
    this.outstanding = outstanding;
    this.seq = seq;
    Object.freeze(this);
  }

  applyClient(client, op) {
    return new AwaitingWithBuffer(this.outstanding, this.seq, op);
  }

  /** The server op comes first on the server: transform(outstanding, received) keeps our op's rank. */
  applyServer(client, op) {
    const [outstanding, forEditor] = TextOperation.transform(this.outstanding, op);
    return [new AwaitingConfirm(outstanding, this.seq), forEditor];
  }

  serverAck() {
    return new Synchronized();
  }

  transformSelection(selection) {
    return selection.transform(this.outstanding);
  }

  resendMessage(client) {
    return client.opMessage(this.seq, this.outstanding);
  }
  withSeq(seq) {
    return new AwaitingConfirm(this.outstanding, seq);
  }
}

/** One op sent and local edits since then, composed into `buffer`, waiting to be sent. */
export class AwaitingWithBuffer {
  constructor(outstanding, seq, buffer) {
    this.outstanding = outstanding;
    this.seq = seq;
    this.buffer = buffer;
    Object.freeze(this);
  }

  applyClient(client, op) {
    return new AwaitingWithBuffer(this.outstanding, this.seq, this.buffer.compose(op));
  }

  applyServer(client, op) {
    const [outstanding, op1] = TextOperation.transform(this.outstanding, op);
    const [buffer, forEditor] = TextOperation.transform(this.buffer, op1);
    return [new AwaitingWithBuffer(outstanding, this.seq, buffer), forEditor];
  }

  /** The outstanding op is committed: the buffer becomes the next outstanding op (unless it undid itself). */
  serverAck(client) {
    if (this.buffer.isNoop()) return new Synchronized();
    const seq = client.takeSeq();
    client.sendOp(seq, this.buffer);
    return new AwaitingConfirm(this.buffer, seq);
  }

  transformSelection(selection) {
    return selection.transform(this.outstanding).transform(this.buffer);
  }

  resendMessage(client) {
    return client.opMessage(this.seq, this.outstanding);
  }
  withSeq(seq) {
    return new AwaitingWithBuffer(this.outstanding, seq, this.buffer);
  }
}
