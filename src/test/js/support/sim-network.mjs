// The network of the simulation: WebSocket look-alikes for the pages' Connection objects, wired to
// a Sequencer, on the clock of node:test's mock timers. What a WebSocket allows and no more: frames
// of one socket arrive in order (each after a random delay), frames of different sockets interleave
// freely; a broken socket delivers a prefix of what was in flight and then closes on both sides; a
// black-holed socket goes silent without a close (the page's watchdog must notice); a page's network
// can be down for a while (connection attempts fail); a restart of the server closes every socket.

export class SimNetwork {
  /** `random`: the run's Random; `maxDelay`: the slowest delivery of one frame, in ms. */
  constructor({ server, random, maxDelay = 40 }) {
    Object.assign(this, { server, random, maxDelay });
    this.sockets = new Set(); // open sockets
    this.inFlight = 0;
    this.stats = { connects: 0, failedConnects: 0, cuts: 0, blackHoles: 0, outages: 0, restarts: 0, resends: 0 };
  }

  /**
   * The WebSocket class of one page. `link` is that page's side of the network: {offlineUntil}
   * (ms, for outages), {onDeliver(message)} (hears each frame just before the page does).
   */
  webSocketFor(link) {
    const network = this;
    return class SimSocket {
      constructor(url) {
        this.url = url;
        this.readyState = 0;
        network.connect(this, link);
      }

      send(text) {
        if (this.readyState === 0) throw new Error('InvalidStateError: the socket is still connecting');
        if (this.readyState === 1) network.up(this, text);
      }

      close() {
        network.closeByPage(this);
      }
    };
  }

  connect(socket, link) {
    this.later(1 + this.random.int(this.maxDelay), () => {
      if (socket.readyState !== 0) return; // the page gave up on it first
      if (Date.now() < (link.offlineUntil ?? 0)) {
        this.stats.failedConnects++;
        socket.readyState = 3;
        socket.onerror?.({});
        socket.onclose?.({});
        return;
      }
      this.stats.connects++;
      socket.readyState = 1;
      socket.wire = { link, upAt: 0, downAt: 0, upCutoff: Infinity, downCutoff: Infinity, serverClosed: false };
      socket.conn = { readOnly: socket.url.includes('/ws/r/'), deliver: (m) => this.down(socket, m) };
      this.sockets.add(socket);
      socket.onopen?.({});
    });
  }

  /** A frame from the page to the server. */
  up(socket, text) {
    const wire = socket.wire;
    const message = JSON.parse(text);
    if (message.type === 'op') {
      if (message.seq <= (wire.link.maxSeqSent ?? 0)) this.stats.resends++;
      wire.link.maxSeqSent = Math.max(wire.link.maxSeqSent ?? 0, message.seq);
    }
    const at = this.nextArrival(wire, 'upAt');
    this.inFlight++;
    this.later(at - Date.now(), () => {
      this.inFlight--;
      if (at <= wire.upCutoff && !wire.serverClosed) this.server.receive(socket.conn, message);
    });
  }

  /** A frame from the server to the page. */
  down(socket, message) {
    const wire = socket.wire;
    if (wire.serverClosed) return;
    const text = JSON.stringify(message);
    const at = this.nextArrival(wire, 'downAt');
    this.inFlight++;
    this.later(at - Date.now(), () => {
      this.inFlight--;
      if (at > wire.downCutoff || socket.readyState !== 1) return;
      wire.link.onDeliver?.(message);
      socket.onmessage?.({ data: text });
    });
  }

  /** After a random delay, but never before the frame sent just before on the same socket and way. */
  nextArrival(wire, way) {
    wire[way] = Math.max(Date.now() + 1 + this.random.int(this.maxDelay), wire[way] + 1);
    return wire[way];
  }

  /** The page closed the socket: what it sent still arrives, then the server sees the close. */
  closeByPage(socket) {
    const wire = socket.wire;
    const wasOpen = socket.readyState === 1;
    socket.readyState = 3;
    if (!wasOpen) return;
    wire.downCutoff = Math.min(wire.downCutoff, Date.now());
    const end = Math.min(wire.upCutoff, Math.max(wire.upAt, Date.now()));
    this.later(end + 1 - Date.now(), () => this.closeServerSide(socket));
  }

  /** The socket breaks: both ways deliver what arrives within a random moment, then both see a close. */
  cut(socket) {
    if (!this.sockets.has(socket)) return;
    this.stats.cuts++;
    const wire = socket.wire;
    const end = Date.now() + this.random.int(this.maxDelay);
    wire.upCutoff = Math.min(wire.upCutoff, end);
    wire.downCutoff = Math.min(wire.downCutoff, end);
    this.later(end + 1 - Date.now(), () => {
      this.closeServerSide(socket);
      if (socket.readyState !== 1) return;
      socket.readyState = 3;
      socket.onclose?.({});
    });
  }

  /** The socket goes silent both ways with no close event; the server notices much later. */
  blackHole(socket) {
    if (!this.sockets.has(socket)) return;
    this.stats.blackHoles++;
    socket.wire.upCutoff = socket.wire.downCutoff = Date.now();
    this.later(5000 + this.random.int(30000), () => this.closeServerSide(socket));
  }

  /** The page's network is down for `ms`: its sockets break and new ones fail to connect. */
  outage(link, ms) {
    this.stats.outages++;
    link.offlineUntil = Date.now() + ms;
    for (const socket of this.socketsOf(link)) this.cut(socket);
  }

  /** The server restarts (its state is durable): every socket breaks. */
  restart() {
    this.stats.restarts++;
    for (const socket of [...this.sockets]) this.cut(socket);
  }

  socketsOf(link) {
    return [...this.sockets].filter((s) => s.wire.link === link);
  }

  closeServerSide(socket) {
    if (socket.wire.serverClosed) return;
    socket.wire.serverClosed = true;
    this.sockets.delete(socket);
    this.server.disconnect(socket.conn);
  }

  later(ms, run) {
    setTimeout(run, Math.max(0, ms));
  }
}
