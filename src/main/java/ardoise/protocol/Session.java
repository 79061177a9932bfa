package ardoise.protocol;

import ardoise.pad.Arrival;
import ardoise.pad.Broadcast;
import ardoise.pad.Member;
import ardoise.pad.MemberInfo;
import ardoise.pad.Pad;
import ardoise.pad.PadShards;
import ardoise.pad.Rejection;
import ardoise.quota.Quotas;
import ardoise.store.ChatMessage;
import ardoise.store.OpRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One WebSocket connection: the join state machine (awaiting-join → joining → joined → closed),
 * a per-connection rate limit, a bound on outgoing bytes not yet written, and the mapping between
 * frames and {@link Pad} calls. FrameEncoder are handled in arrival order.
 *
 * <p>Thread rule: runs on its socket's context. Its pad may live on another event loop
 * ({@link PadShards}): calls to the pad then go to the pad's context, and the pad hands its
 * messages back to this context (it joined with this context as its home); both directions keep
 * their order.
 */
public final class Session implements Member {
  private static final System.Logger LOG = System.getLogger(Session.class.getName());

  enum State { AWAITING_JOIN, JOINING, JOINED, CLOSED }


  private final ServerWebSocket ws;
  private final String padId;
  private final PadShards shards;
  private final Context context;
  private final FrameEncoder frames;
  private final SessionLimits limits;
  private final boolean readOnly;
  private final TokenBucket bucket;
  private final TokenBucket chatBucket;
  private final TokenBucket profileBucket;
  private final SessionMetrics metrics;
  private final ArrayDeque<ClientMessage> waiting = new ArrayDeque<>();
  private long joinTimer;
  private State state = State.AWAITING_JOIN;
  private String clientId; // set by join (derived from its secret); the pad holds the rest of the profile
  private String authorId; // set by join: the id the joiner's inserts are attributed to
  private boolean batches; // the tab asked for batch frames in its join
  private boolean presenceChanges; // … and for changes of the member list after the first list
  private Pad pad;
  private boolean padIsHome; // the pad lives on this event loop: call it directly
  private long unwrittenChars;
  /** Chars of the joined frame (the document) still unwritten: not counted as slowness. */
  private long unwrittenDocument;
  /** The client address (budget of wrong passwords) and the read-only id the socket came through (nullable). */
  private String address = "-";
  private String readOnlyId;
  /** The write quotas of this socket's client address (see {@link #limitWrites}). */
  private final SessionQuota writes = new SessionQuota();
  private long inFlightSeq; // the op in flight and when its frame arrived (0: none), for the commit latency metric
  private long inFlightSince;

  /**
   * Create on the socket's context. {@code readOnly}: a read-only link's connection (sees
   * everything, writes nothing).
   */
  public Session(ServerWebSocket ws, String padId, PadShards shards, FrameEncoder frames, SessionLimits limits,
      boolean readOnly, SessionMetrics metrics) {
    this.readOnly = readOnly;
    this.metrics = metrics;
    this.ws = ws;
    this.padId = padId;
    this.shards = shards;
    this.context = Vertx.currentContext();
    this.frames = frames;
    this.limits = limits;
    this.bucket = new TokenBucket(limits.opsPerSecond(), limits.opsBurst(), System.nanoTime());
    this.chatBucket = new TokenBucket(limits.chatPerMinute() / 60.0, limits.chatBurst(), System.nanoTime());
    this.profileBucket = new TokenBucket(limits.profilePerSecond(), limits.profileBurst(), System.nanoTime());
  }

  /** Where the connection comes from: its client address and the read-only id it was opened with (nullable). Before {@link #start}. */
  public Session from(String clientAddress, String viaReadOnlyId) {
    this.address = clientAddress;
    this.readOnlyId = viaReadOnlyId;
    return this;
  }

  /**
   * Counts this connection's ops and chat messages against its client address's write quotas
   * (bytes a minute; a first op in an empty pad is also a pad created). Call before {@link #start}.
   */
  public void limitWrites(Quotas.OfAddress quota, Function<String, Future<Boolean>> created) {
    writes.limit(quota, created);
  }

  /** Wires the socket's handlers; call once, right after the upgrade. */
  public void start(Runnable onClose) {
    // A socket that never joins holds a connection and a file descriptor for nothing.
    joinTimer = context.owner().setTimer(limits.joinTimeoutMillis(), id -> {
      if (state == State.AWAITING_JOIN) {
        fail(new ProtocolException(ErrorCode.JOIN_TIMEOUT, "send join within " + limits.joinTimeoutMillis() / 1000 + " s of connecting"));
      }
    });
    ws.textMessageHandler(this::received);
    ws.binaryMessageHandler(b -> received(null));
    ws.exceptionHandler(this::socketError);
    ws.closeHandler(v -> {
      closed();
      onClose.run();
    });
  }

  /**
   * The transport refused a message above its size bound (4 × the limit): Vert.x drops it and
   * reports it here without closing. Such a sender gets the documented answer, message-too-large
   * and close 1009, like one just above the limit; other socket errors end with the socket itself.
   */
  private void socketError(Throwable e) {
    LOG.log(System.Logger.Level.DEBUG, "pad={0} client={1} socket error: {2}", padId, clientId(), e.getClass().getSimpleName());
    if (SessionLimits.oversizedOnTransport(e) && state != State.CLOSED) fail(limits.tooLargeError());
  }

  /** One text frame ({@code null} for a binary frame). */
  private void received(String frame) {
    if (state == State.CLOSED) return;
    try {
      if (frame != null && limits.tooLarge(frame)) throw limits.tooLargeError();
      // Why before decoding: a flood of garbage must cost no parsing either.
      if (!bucket.tryTake(System.nanoTime())) {
        throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many messages; this one was dropped, resend it in a second");
      }
      if (frame == null) throw new ProtocolException(ErrorCode.BAD_MESSAGE, "binary frames are not accepted");
      ClientMessage m = FrameDecoder.decode(frame, limits.chatMaxChars());
      if (!readOnly && (m instanceof ClientMessage.Op || m instanceof ClientMessage.Chat)) writes.takeBytes(m, frame.length());
      if (m instanceof ClientMessage.Ping) send(frames.pong()); // answered even while joining: it only proves liveness
      else if (state == State.JOINING || writes.asking()) waiting.add(m);
      else dispatch(m);
    } catch (ProtocolException e) {
      fail(e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "pad=" + padId + " client=" + clientId() + " frame handling failed", e);
      fail(new ProtocolException(ErrorCode.SERVER_ERROR, "internal error; reconnect"));
    }
  }

  private void dispatch(ClientMessage m) throws ProtocolException {
    if (m instanceof ClientMessage.Join j) {
      if (state != State.AWAITING_JOIN) throw new ProtocolException(ErrorCode.ALREADY_JOINED, "this connection already joined");
      join(j, true);
      return;
    }
    if (state != State.JOINED) {
      throw new ProtocolException(ErrorCode.NOT_JOINED, "send join first", m instanceof ClientMessage.Op op ? op.seq() : 0);
    }
    if (m instanceof ClientMessage.Unlock u) {
      onPad(p -> p.unlock(this, u.password()));
      return;
    }
    if (readOnly) refuseWrite(m);
    if (m instanceof ClientMessage.Op op) {
      if (writes.mustAsk()) {
        waiting.addFirst(op); // why wait: a pad made by POST /api/pads paid its creation there
        writes.ask(padId, this::takeWaiting);
        return;
      }
      writes.takePad(padId, op);
      // Why only the latest: a conforming client has one op in flight (docs/protocol.md).
      inFlightSeq = op.seq();
      inFlightSince = System.nanoTime();
      onPad(p -> p.submit(this, op.rev(), op.seq(), op.op()));
    } else if (m instanceof ClientMessage.Cursor c) {
      onPad(p -> p.cursor(this, c.rev(), c.anchor(), c.head()));
    } else if (m instanceof ClientMessage.Profile p) {
      // Why a bucket of its own: each change is a presence frame to every member and a store write;
      // the pad paces both, this keeps one connection from taking the whole pace.
      if (!profileBucket.tryTake(System.nanoTime())) {
        throw new ProtocolException(ErrorCode.PROFILE_RATE_LIMITED,
            "at most " + limits.profilePerSecond() + " profile changes a second; this one was not applied, send it again in a second");
      }
      onPad(pad -> pad.profileChanged(this, p.name(), p.color()));
    } else if (m instanceof ClientMessage.Chat c) {
      if (!chatBucket.tryTake(System.nanoTime())) {
        throw new ProtocolException(ErrorCode.CHAT_RATE_LIMITED,
            "at most " + limits.chatPerMinute() + " chat messages a minute; this one was not sent");
      }
      onPad(pad -> pad.chat(this, c.text()));
    }
  }

  /** Calls the joined pad on its own context (at once when it lives on this event loop). */
  private void onPad(Consumer<Pad> call) {
    Pad p = pad;
    if (padIsHome) call.accept(p);
    else shards.contextOf(padId).runOnContext(v -> call.accept(p));
  }

  /** A read-only connection may join and listen; an op, cursor, profile or chat is refused and changes nothing. */
  private static void refuseWrite(ClientMessage m) throws ProtocolException {
    String what = m instanceof ClientMessage.Op ? "edits" : m instanceof ClientMessage.Cursor ? "cursors"
        : m instanceof ClientMessage.Chat ? "chat messages" : "profile changes";
    throw new ProtocolException(ErrorCode.READ_ONLY, "this is a read-only link: " + what + " are not accepted",
        m instanceof ClientMessage.Op op ? op.seq() : 0);
  }

  private void join(ClientMessage.Join j, boolean retryIfClosed) {
    state = State.JOINING;
    // It speaks the protocol: a join refused for its password leaves the socket open for the next one
    // (a person may take a while to type the password).
    context.owner().cancelTimer(joinTimer);
    clientId = j.clientId();
    authorId = j.authorId();
    batches = j.batch();
    presenceChanges = j.presenceChanges();
    // A null colour: the person chose none, the pad gives a free one (the preferred one if it can).
    MemberInfo info = new MemberInfo(j.clientId(), j.authorId(), j.name(), j.color());
    Thread socketThread = Thread.currentThread();
    shards.call(padId, registry -> {
      // On the pad's context now: a pad on this socket's own loop is called directly, both ways.
      boolean home = Thread.currentThread() == socketThread;
      Arrival arrival = new Arrival(this, info, readOnly, home ? null : context, j.preferredColor(), j.password(),
          address, readOnlyId);
      return registry.pad(padId).compose(p -> p.join(arrival, j.rev()).map(ok -> new Joined(p, ok, home)));
    })
        .onComplete(r -> {
          if (r.failed() && r.cause() instanceof Pad.ClosedException && retryIfClosed) {
            join(j, false); // the pad was unloading: the registry loads a fresh one
            return;
          }
          if (r.succeeded()) {
            pad = r.result().pad();
            padIsHome = r.result().home();
          }
          joinDone(r.succeeded() && r.result().admitted(), r.cause());
        });
  }

  private record Joined(Pad pad, boolean admitted, boolean home) {}

  private void joinDone(boolean joined, Throwable failure) {
    if (state == State.CLOSED) {
      if (joined) onPad(p -> p.leave(this));
      return;
    }
    if (failure != null) {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client={1} join failed: {2}", padId, clientId(), failure.toString());
      send(frames.error(ErrorCode.STORE_UNAVAILABLE, "the pad cannot be loaded right now; retry", 0));
    }
    if (state == State.JOINING) state = joined ? State.JOINED : State.AWAITING_JOIN;
    takeWaiting();
  }

  /** Handles the messages that waited (for the join, or for {@link SessionQuota#mustAsk}), in order. */
  private void takeWaiting() {
    while (!waiting.isEmpty() && state != State.JOINING && state != State.CLOSED && !writes.asking()) {
      try {
        dispatch(waiting.poll());
      } catch (ProtocolException e) {
        fail(e);
      }
    }
  }

  private void fail(ProtocolException e) {
    metrics.rejected(e.code());
    send(frames.error(e.code(), e.getMessage(), e.seq(), e.retryAfter()));
    if (e.code().closes()) close(e.code());
  }

  /** Sends a frame unless the client does not read: then it is dropped with slow-consumer. */
  private void send(String frame) {
    if (state == State.CLOSED) return;
    if (unwrittenChars - unwrittenDocument > limits.sendQueueLimit()) {
      LOG.log(System.Logger.Level.INFO, "pad={0} client={1} slow consumer: {2} chars unwritten", padId, clientId(), unwrittenChars);
      metrics.rejected(ErrorCode.SLOW_CONSUMER);
      write(frames.error(ErrorCode.SLOW_CONSUMER, "you did not read fast enough; rejoin with your rev", 0));
      close(ErrorCode.SLOW_CONSUMER);
      return;
    }
    write(frame);
  }

  private Future<Void> write(String frame) {
    unwrittenChars += frame.length();
    return TextFrames.write(ws, frame, frames).andThen(r -> unwrittenChars -= frame.length());
  }

  private void close(ErrorCode code) {
    if (state == State.CLOSED) return;
    closed();
    short status = switch (code) {
      case MESSAGE_TOO_LARGE -> 1009;
      case SERVER_ERROR -> 1011;
      default -> 1008;
    };
    ws.close(status, code.code());
  }

  /** Closes with "going away" (server shutdown); the client reconnects with its rev. */
  public void shutdown() {
    if (state == State.CLOSED) return;
    closed();
    ws.close((short) 1001, "server-shutdown");
  }

  private void closed() {
    context.owner().cancelTimer(joinTimer);
    State was = state;
    state = State.CLOSED;
    if (was == State.JOINED) onPad(p -> p.leave(this));
  }

  private String clientId() {
    return clientId == null ? "-" : clientId;
  }

  // Member: the pad talks to this connection through these, on this context.

  @Override public void joined(long rev, JoinSnapshot s, long lastSeq) {
    joined(rev, s, lastSeq, null);
  }

  @Override public void joined(long rev, JoinSnapshot s, long lastSeq, ardoise.pad.PolicyView policy) {
    String frame = frames.joined(rev, clientId, authorId, lastSeq, s == null ? null : s.text(), s == null ? null : s.runs(), policy);
    if (state == State.CLOSED) return;
    writes.joined(rev);
    // Why apart: the document this client asked for may alone exceed the send-queue limit (a hot
    // pad's authorship runs: 1.5 M chars at 300 typists); the frames right behind it must not read
    // it as a client that stopped reading. What queues up behind it still counts.
    unwrittenDocument += frame.length();
    write(frame).andThen(r -> unwrittenDocument -= frame.length());
  }

  @Override public void ack(long seq, long rev) {
    writes.padWritten();
    acknowledged(seq);
    send(frames.ack(seq, rev));
  }

  private void acknowledged(long seq) {
    if (seq == inFlightSeq && inFlightSince != 0) {
      metrics.acknowledged(System.nanoTime() - inFlightSince);
      inFlightSince = 0;
    }
  }

  @Override public void broadcast(Broadcast flush) {
    if (!flush.records().isEmpty()) writes.padWritten();
    String self = clientId;
    int others = 0;
    if (batches) {
      for (OpRecord r : flush.records()) {
        if (self.equals(r.clientId())) acknowledged(r.seq());
        else others++;
      }
      if (others > 0) metrics.opsSent(others);
      send(frames.batch(flush));
      return;
    }
    String[] split = frames.split(flush);
    List<OpRecord> records = flush.records();
    for (int i = 0; i < records.size(); i++) {
      OpRecord r = records.get(i);
      if (self.equals(r.clientId())) {
        ack(r.seq(), r.rev());
      } else {
        others++;
        send(split[i]);
      }
    }
    if (others > 0) metrics.opsSent(others);
    List<Broadcast.Cursor> cursors = flush.cursors();
    for (int i = 0; i < cursors.size(); i++) {
      if (!self.equals(cursors.get(i).clientId())) send(split[records.size() + i]);
    }
  }

  @Override public void presence(List<MemberInfo> writers, int viewers) { send(frames.presence(writers, viewers)); }

  /** A tab that did not ask for changes gets the whole list again (the same object for all: encoded once). */
  @Override public void presenceChanged(ardoise.pad.PresenceChange change, List<MemberInfo> writers) {
    send(presenceChanges ? frames.presenceChanged(change) : frames.presence(writers, change.viewers()));
  }

  @Override public void chat(List<ChatMessage> messages, boolean history) { send(frames.chat(messages, history)); }

  @Override public void rejected(Rejection reason, String message, long seq) {
    ErrorCode code = ErrorCode.of(reason);
    metrics.rejected(code);
    send(frames.error(code, message, seq));
  }

  @Override public void rejected(Rejection reason, String message, long seq, long retryAfterSeconds) {
    ErrorCode code = ErrorCode.of(reason);
    metrics.rejected(code);
    send(frames.error(code, message, seq, retryAfterSeconds));
  }

  @Override public void policy(ardoise.pad.PolicyView policy) { send(frames.policy(policy)); }

  @Override public void evicted(Rejection reason, String message) {
    ErrorCode code = ErrorCode.of(reason);
    metrics.rejected(code);
    send(frames.error(code, message, 0));
    State was = state;
    state = State.CLOSED; // the pad already removed this member
    if (was != State.CLOSED) ws.close((short) 1008, code.code());
  }
}
