package ardoise.ot;

import ardoise.ot.SimWire.Ack;
import ardoise.ot.SimWire.Broadcast;
import ardoise.ot.SimWire.Join;
import ardoise.ot.SimWire.Link;
import ardoise.ot.SimWire.Submit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated sequencer of one pad: dedupes by (clientId, seq), rebases an incoming op over the
 * revisions committed after its base with {@code transform(incoming, committed)}, applies it to the
 * attributed text with the client's author and tells everyone. Single-threaded test code.
 */
final class SimServer {
  record Committed(String clientId, int seq, String author, TextOperation op) {}

  final List<Committed> log = new ArrayList<>(); // log.get(r - 1) turned revision r - 1 into r
  final Map<String, Link> links = new HashMap<>();
  final Map<String, String> authors = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> revOfSeq = new HashMap<>();
  // Only clients whose join was processed get broadcasts, so a replay never overlaps live ops.
  private final Set<String> joined = new LinkedHashSet<>();
  AttributedText doc = AttributedText.EMPTY;
  int deduped; // resent ops acknowledged again instead of applied twice

  int head() {
    return log.size();
  }

  void receive(SimWire.Up message) {
    if (message instanceof Join join) replay(join);
    else submit((Submit) message);
  }

  private void replay(Join join) {
    Link link = links.get(join.clientId());
    if (join.rev() > head()) throw new AssertionError(join + " is ahead of head " + head());
    for (int r = join.rev() + 1; r <= head(); r++) {
      Committed c = log.get(r - 1);
      link.send(c.clientId().equals(join.clientId()) ? new Ack(c.seq(), r) : new Broadcast(r, c.op(), c.author()));
    }
    joined.add(join.clientId());
  }

  /** The server notices a dropped connection. */
  void disconnect(String clientId) {
    joined.remove(clientId);
  }

  private void submit(Submit s) {
    Map<Integer, Integer> seqs = revOfSeq.computeIfAbsent(s.clientId(), k -> new HashMap<>());
    Link link = links.get(s.clientId());
    if (!joined.contains(s.clientId())) throw new AssertionError("op before join from " + s.clientId());
    Integer done = seqs.get(s.seq());
    if (done != null) {
      deduped++;
      link.send(new Ack(s.seq(), done));
      return;
    }
    if (s.seq() != seqs.size() + 1) throw new AssertionError("seq gap from " + s.clientId() + ": " + s);
    if (s.rev() > head()) throw new AssertionError(s + " is ahead of head " + head());
    TextOperation op = s.op();
    for (int r = s.rev() + 1; r <= head(); r++) op = TextOperation.transform(op, log.get(r - 1).op()).aPrime();
    String author = authors.get(s.clientId());
    doc = doc.apply(op, author);
    log.add(new Committed(s.clientId(), s.seq(), author, op.withoutAuthors()));
    seqs.put(s.seq(), head());
    link.send(new Ack(s.seq(), head()));
    for (String other : joined) {
      if (!other.equals(s.clientId())) links.get(other).send(new Broadcast(head(), op.withoutAuthors(), author));
    }
  }

  int committedCount(String clientId) {
    return revOfSeq.getOrDefault(clientId, Map.of()).size();
  }
}
