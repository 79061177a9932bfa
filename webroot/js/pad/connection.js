// One pad's WebSocket, kept alive: reconnects with capped exponential backoff and jitter, and
// declares a socket dead when the server stops answering (field lesson: text gets lost when the UI
// says "online" while the socket is dead). It knows nothing of ops; the session does.
//
// States: 'connecting' (first attempt), 'open' (socket open; the session still has to join),
// 'reconnecting' (waiting or retrying after a loss), 'offline' (the browser says it has no network:
// navigator.onLine and the online/offline events; a page reloaded offline starts in it), 'stopped'.
//
// A page the browser keeps in its back/forward cache after the person went elsewhere runs no code,
// yet its socket could stay open and its author stay listed on the pad: the socket is closed when
// the page goes into the cache, and a new one opened when the page is shown again.

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10000;
// How long an op or a ping may go unanswered before the socket is declared dead. Not less: a false
// "dead" costs a reconnect and a replay, and the answer legitimately waits for the store's fsync on
// a loaded server and for round trips of several seconds on crowded Wi-Fi.
const DEAD_AFTER_MS = 10000;
// A watchdog firing this much later than due means this page itself was frozen (an old phone, a
// throttled tab, a loaded machine): the answer may be queued behind it, so it gets one grace period.
const STALL_MS = 1000;

/** ws:// or wss:// URL of a pad's socket on the page's own host. */
export function padSocketUrl(padId, location = globalThis.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/${encodeURIComponent(padId)}`;
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, "equal jitter". */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class Connection {
  /**
   * @param {object} o
   * @param {string} o.url
   * @param {(c: Connection) => void} o.onOpen called when a socket opens (send `join` here)
   * @param {(msg: object) => void} o.onMessage every decoded server message
   * @param {(state: string) => void} o.onState every state change
   * @param {number} [o.pingAfterMs] silence after which a ping is sent
   * @param {number} [o.deadAfterMs] silence after a ping or a pending request that kills the socket
   * @param {() => number} [o.now] the clock (tests)
   * @param {() => number} [o.random] the reconnect jitter's source, in [0, 1) (seeded in tests)
   * @param {EventTarget} [o.window] where online, offline, pagehide and pageshow are heard and
   *   navigator.onLine is read (tests)
   */
  constructor(o) {
    this.url = o.url;
    this.onOpen = o.onOpen;
    this.onMessage = o.onMessage;
    this.onState = o.onState;
    this.pingAfterMs = o.pingAfterMs ?? 15000;
    this.deadAfterMs = o.deadAfterMs ?? DEAD_AFTER_MS;
    this.now = o.now ?? (() => Date.now());
    this.random = o.random ?? Math.random;
    this.WebSocketImpl = o.WebSocketImpl ?? globalThis.WebSocket;
    this.window = o.window ?? globalThis;
    this.state = 'stopped';
    this.socket = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.watchdog = null;
    this.watchdogDue = 0;
    this.graced = false;
    this.awaitingReply = false;
    this.onBrowserOnline = () => this.reconnectNow();
    this.onBrowserOffline = () => this.drop('offline');
    this.onPageHide = (event) => { if (event.persisted) this.suspend(); };
    this.onPageShow = (event) => { if (event.persisted) this.reconnectNow(); };
  }

  start() {
    this.listen('addEventListener');
    this.setState(this.browserOffline() ? 'offline' : 'connecting');
    this.open();
  }

  /** Only a definite "no network" counts: onLine === true may still mean a captive or dead Wi-Fi. */
  browserOffline() {
    return this.window.navigator?.onLine === false;
  }

  stop() {
    this.listen('removeEventListener');
    clearTimeout(this.retryTimer);
    this.closeSocket();
    this.setState('stopped');
  }

  /** `method`: 'addEventListener' or 'removeEventListener', for every page event followed here. */
  listen(method) {
    this.window[method]?.('online', this.onBrowserOnline);
    this.window[method]?.('offline', this.onBrowserOffline);
    this.window[method]?.('pagehide', this.onPageHide);
    this.window[method]?.('pageshow', this.onPageShow);
  }

  /** The page goes into the back/forward cache: no socket, and no retry, until it is shown again. */
  suspend() {
    if (this.state === 'stopped') return;
    clearTimeout(this.retryTimer);
    this.closeSocket();
    if (this.state !== 'offline') this.setState('reconnecting');
  }

  /** Sends a message if a socket is open; false when it could not be sent (the caller keeps it). */
  send(message) {
    if (!this.socket || this.socket.readyState !== 1) return false;
    try {
      this.socket.send(JSON.stringify(message));
    } catch (e) {
      return false;
    }
    return true;
  }

  /** The caller sent something that deserves an answer (an op): no answer in time means a dead socket. */
  expectReply() {
    if (this.awaitingReply) return;
    this.awaitingReply = true;
    this.armWatchdog(this.deadAfterMs);
  }

  /** The session joined successfully: the next loss starts the backoff from scratch. */
  markHealthy() {
    this.attempt = 0;
  }

  reconnectNow() {
    if (this.state === 'stopped' || this.state === 'open') return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.setState(this.browserOffline() ? 'offline' : 'reconnecting');
    this.open();
  }

  open() {
    this.closeSocket();
    let socket;
    try {
      socket = new this.WebSocketImpl(this.url);
    } catch (e) {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.setState('open');
      this.heard();
      this.onOpen(this);
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.heard();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return; // not ours to interpret; the server only sends JSON
      }
      if (message && message.type === 'pong') return;
      this.onMessage(message);
    };
    socket.onclose = () => {
      if (socket === this.socket) this.drop();
    };
    socket.onerror = () => {
      if (socket === this.socket) this.drop();
    };
    // A socket that never opens (black-holed SYN) is dead too.
    this.armWatchdog(this.deadAfterMs + 4000);
  }

  /** Drops the current socket and schedules a new attempt. */
  drop(reason) {
    if (this.state === 'stopped') return;
    this.closeSocket();
    this.scheduleRetry(reason === 'offline');
  }

  scheduleRetry(offline = false) {
    clearTimeout(this.retryTimer);
    this.setState(offline || this.browserOffline() ? 'offline' : 'reconnecting');
    const delay = backoffDelay(this.attempt++, this.random);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  heard() {
    this.awaitingReply = false;
    this.graced = false;
    this.armWatchdog(this.pingAfterMs);
  }

  armWatchdog(ms) {
    clearTimeout(this.watchdog);
    this.watchdogDue = this.now() + ms;
    this.watchdog = setTimeout(() => this.onSilence(), ms);
  }

  onSilence() {
    if (!this.socket) return;
    if (this.awaitingReply && !this.graced && this.now() - this.watchdogDue > STALL_MS) {
      this.graced = true; // we were frozen, not the server silent: let queued messages arrive first
      this.armWatchdog(STALL_MS);
      return;
    }
    if (this.socket.readyState !== 1 || this.awaitingReply) {
      this.drop();
      return;
    }
    // Any frame proves the socket alive: the server answers `ping` with `pong` (or an error frame).
    this.send({ type: 'ping' });
    this.awaitingReply = true;
    this.armWatchdog(this.deadAfterMs);
  }

  closeSocket() {
    clearTimeout(this.watchdog);
    this.awaitingReply = false;
    this.graced = false;
    const s = this.socket;
    this.socket = null;
    if (!s) return;
    s.onopen = s.onmessage = s.onclose = s.onerror = null;
    try {
      s.close();
    } catch (e) {
      // already closing
    }
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}
