package ardoise.bench.load;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The clients of one pad in the load generator. Which client measures which author's keystrokes:
 * the first viewer measures every typist; without viewers, typist 0 measures the others and
 * typist 1 measures typist 0. Each keystroke is therefore measured exactly once, at a client that
 * did not type it. Thread-safe: clients of one pad may live on different event loops.
 */
final class PadGroup {
  final String padId;
  /** Whether the pad started with the run's initial text (see {@code --initial-kib-every}). */
  final boolean longText;
  final List<Client> clients = new CopyOnWriteArrayList<>();
  /** For each author key, that typist (so an observer can find the keystroke times of an op). */
  final ConcurrentHashMap<String, Client> typists = new ConcurrentHashMap<>();
  /** The pad's text, kept once for the clients without a document of their own. */
  final SharedText shared = new SharedText(this::slowestRev);
  /** Ardoise: where viewers connect, /ws/r/{readOnlyId} (null until asked, or for ShareDB). */
  volatile String viewerPath;

  PadGroup(String padId, boolean longText) {
    this.padId = padId;
    this.longText = longText;
  }

  void add(Client c) {
    clients.add(c);
    if (c.typist) typists.put(c.authorKey(), c);
  }

  /**
   * Whether a new client of this pad keeps a document of its own: the pad's first typist (its real
   * client: an editor's full OT, checked at the end like every client), and the clients that
   * measure latency (the first viewer; without viewers, typists 0 and 1).
   */
  boolean needsFullClient(boolean typist, boolean viewersComing) {
    if (!LEAN) return true;
    int typists = 0;
    int viewers = 0;
    for (Client c : clients) {
      if (c.typist) typists++;
      else viewers++;
    }
    return typist ? typists == 0 || (typists == 1 && viewers == 0 && !viewersComing) : viewers == 0;
  }

  /** {@code -Dbench.lean=false}: every client keeps a document of its own (to compare the generator's cost). */
  private static final boolean LEAN = Boolean.parseBoolean(System.getProperty("bench.lean", "true"));

  private long slowestRev() {
    long min = Long.MAX_VALUE;
    for (Client c : clients) min = Math.min(min, c.rev);
    return min;
  }

  /** The client that measures {@code author}'s keystrokes, or null if nobody can. */
  Client observerOf(Client author) {
    Client firstViewer = null;
    Client typist0 = null;
    Client typist1 = null;
    for (Client c : clients) {
      if (!c.typist && firstViewer == null) firstViewer = c;
      if (c.typist && typist0 == null) typist0 = c;
      else if (c.typist && typist1 == null) typist1 = c;
    }
    if (firstViewer != null) return firstViewer;
    return author == typist0 ? typist1 : typist0;
  }
}
