package ardoise.pad;

import ardoise.store.OpRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Member} that writes down what its pad tells it, the way a client without batch frames
 * would read it: {@code "joined 3"} (with {@code " text=…"} after a snapshot), each flush unfolded
 * into {@code "ack SEQ REV"} (its own revisions), {@code "op REV"} and {@code "cursor REV"},
 * {@code "rejected REASON SEQ"}, {@code "evicted REASON"}. Chat messages go apart ({@link #nextChat}). Each flush is also written down whole
 * ({@link #nextFlush}) and each member list ({@link #presence}).
 *
 * <p>Thread rule: any thread (the pad calls it on the pad's context; tests read from theirs).
 */
final class RecordingMember implements Member {
  private final MemberInfo info;
  private final boolean viewer;
  private final LinkedBlockingQueue<String> told = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> flushes = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> chats = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> policies = new LinkedBlockingQueue<>();
  private final List<String> events = new ArrayList<>();
  private final List<Long> revs = new ArrayList<>();
  private final List<String> presence = new ArrayList<>();
  private final List<PresenceChange> changes = new ArrayList<>();
  private List<MemberInfo> roster = List.of();

  RecordingMember(String clientId) {
    this(clientId, false);
  }

  RecordingMember(String clientId, boolean viewer) {
    this.info = new MemberInfo(clientId, clientId, clientId, "#123456");
    this.viewer = viewer;
  }

  /** How this member joins a pad (on the pad's own context). */
  Arrival arrival() {
    return new Arrival(this, info, viewer, null);
  }

  @Override public void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
    record("joined " + rev + (snapshot == null ? "" : " text=" + snapshot.text()), -1);
  }

  @Override public void broadcast(Broadcast flush) {
    for (OpRecord r : flush.records()) {
      if (info.clientId().equals(r.clientId())) record("ack " + r.seq() + " " + r.rev(), r.rev());
      else record("op " + r.rev(), r.rev());
    }
    for (Broadcast.Cursor c : flush.cursors()) {
      if (!info.clientId().equals(c.clientId())) record("cursor " + flush.head(), -1);
    }
    List<Long> revisions = flush.records().stream().map(OpRecord::rev).toList();
    List<String> cursors = flush.cursors().stream().map(c -> c.clientId() + ":" + c.anchor() + "-" + c.head()).toList();
    flushes.add("revs " + revisions + " cursors " + cursors + " at " + flush.head());
  }

  @Override public void ack(long seq, long rev) {
    record("ack " + seq + " " + rev, rev);
  }

  @Override public synchronized void presence(List<MemberInfo> writers, int viewers) {
    roster = writers;
    presence.add(writers.stream().map(MemberInfo::name).toList() + " / " + viewers);
  }

  /** Recorded as the list it makes, as a page shows it; {@link #changes} keeps what came. */
  @Override public synchronized void presenceChanged(PresenceChange change, List<MemberInfo> writers) {
    roster = change.applyTo(roster);
    if (!roster.equals(writers)) presence.add("the change makes " + roster + ", the pad holds " + writers); // fails the test
    changes.add(change);
    presence.add(roster.stream().map(MemberInfo::name).toList() + " / " + change.viewers());
  }

  @Override public void chat(List<ardoise.store.ChatMessage> messages, boolean history) {
    chats.add((history ? "history " : "chat ") + messages.stream().map(m -> m.id() + ":" + m.name() + ":" + m.text()).toList());
  }

  @Override public void rejected(Rejection reason, String message, long seq) {
    record("rejected " + reason + " " + seq, -1);
  }

  @Override public void evicted(Rejection reason, String message) {
    record("evicted " + reason, -1);
  }

  private synchronized void record(String event, long rev) {
    events.add(event);
    if (rev >= 0) revs.add(rev);
    told.add(event);
  }

  /** The next thing told, waiting up to 10 s. */
  @Override public void policy(PolicyView policy) {
    policies.add(policy.locked() ? "locked" : "open");
  }

  /** The next policy this member was told ("locked" or "open"). */
  String nextPolicy() throws InterruptedException {
    return poll(policies, "no policy told to ");
  }

  /** The policies told and not yet taken. */
  List<String> policiesLeft() {
    return new ArrayList<>(policies);
  }

  String next() throws InterruptedException {
    return poll(told, "nothing told to ");
  }

  /** The next flush, as {@code "revs [1, 2] cursors [b:3-3] at 2"}, waiting up to 10 s. */
  String nextFlush() throws InterruptedException {
    return poll(flushes, "no flush told to ");
  }

  /** The next chat told, as {@code "chat [3:alice:Bonjour]"} or {@code "history [1:…, 2:…]"}, waiting up to 10 s. */
  String nextChat() throws InterruptedException {
    return poll(chats, "no chat told to ");
  }

  /** Chats told and not yet read. */
  int unreadChats() {
    return chats.size();
  }

  private String poll(LinkedBlockingQueue<String> queue, String failure) throws InterruptedException {
    String s = queue.poll(10, TimeUnit.SECONDS);
    if (s == null) throw new AssertionError(failure + info.clientId());
    return s;
  }

  synchronized List<String> events() { return List.copyOf(events); }

  /** Revisions learnt from acks and ops, in arrival order. */
  synchronized List<Long> revs() { return List.copyOf(revs); }

  /** Each member list told, as {@code "[writer names] / viewers"}. */
  synchronized List<String> presence() { return List.copyOf(presence); }

  /** The changes told after the first list, in order. */
  synchronized List<PresenceChange> presenceChanges() { return List.copyOf(changes); }
}
