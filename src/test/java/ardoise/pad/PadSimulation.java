package ardoise.pad;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.testing.OtGen;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * One seeded case of the convergence simulation: 3–8 {@link SimulatedEditor}s on one real {@link Pad}
 * (from a {@link PadRegistry}, fan-out pacing off), or in a third of the cases on two pads of two
 * server instances sharing the store, over the in-memory store with held replies. Random steps edit,
 * deliver one message of one connection (either way), let one store reply through, drop a connection
 * (the pad hears of it later) or reconnect one, to either instance (join with rev, then resend). Then
 * every editor reconnects, everything in flight is delivered in random order, a fresh reader joins,
 * and {@link SimulationChecks} compares them all with the store.
 *
 * <p>Thread rule: everything runs on one Vert.x context, one step per task: the pad's own tasks (the
 * store's replies and watcher calls) run between steps, in one order per seed.
 */
final class PadSimulation {
  static final String PAD = "simulation";
  /** Idle tasks in a row before the drain ends: the store's completions hop at most twice. */
  private static final int QUIET_TASKS = 3;

  private final OtGen gen;
  private final Context context;
  private final InMemoryPadStore memory = new InMemoryPadStore();
  private final List<OpRecord> written = new ArrayList<>();
  /** Per server instance: its view of the store, its registry, its pad. */
  private final List<HeldRepliesStore> stores = new ArrayList<>();
  private final List<PadRegistry> registries = new ArrayList<>();
  private final List<Pad> pads = new ArrayList<>();
  private final List<SimulatedEditor> editors = new ArrayList<>();
  /** Dropped connections the pad has not heard of yet. */
  private final List<SimulatedEditor.Connection> closing = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Promise<Tally> done = Promise.promise();
  private int dropPercent;
  private int editsLeft;
  private int drops;

  /** How often each hard path ran in one case (the test checks that a long run exercises them all). */
  record Tally(int cases, int twoInstanceCases, int drops, int resends, int repeatedAcks, int bufferedEdits,
      int storeReads, int groupCommits, int joinsRetried, int evictions) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally o) {
      return new Tally(cases + o.cases, twoInstanceCases + o.twoInstanceCases, drops + o.drops, resends + o.resends,
          repeatedAcks + o.repeatedAcks, bufferedEdits + o.bufferedEdits, storeReads + o.storeReads,
          groupCommits + o.groupCommits, joinsRetried + o.joinsRetried, evictions + o.evictions);
    }
  }

  PadSimulation(OtGen gen, Context context) {
    this.gen = gen;
    this.context = context;
  }

  /** Runs the case on the context; fails with the first violation or failed check. */
  Future<Tally> run() {
    context.runOnContext(v -> guarded(this::start));
    return done.future();
  }

  private void start() {
    int steps = 60 + gen.nextInt(200);
    dropPercent = gen.nextInt(4);
    editsLeft = steps * 3 / 10;
    // Why a window of a tenth of the edits: a rejoin is then always replayed (at most one revision per
    // edit), never answered with a snapshot (the Java client does not rebase pending edits onto one,
    // the browser does); and a small window makes the pad read older revisions from the store.
    int window = editsLeft / 10 + 1 + gen.nextInt(4);
    PadSettings settings = PadContext.settings(1_000_000, 100, 3 + gen.nextInt(30), 3_600_000, window, 10_000,
        1 + gen.nextInt(8), 0);
    int instances = gen.nextInt(3) == 0 ? 2 : 1;
    List<Future<Pad>> loading = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      HeldRepliesStore store = new HeldRepliesStore(memory, written);
      PadRegistry registry = new PadRegistry(store, settings, context);
      stores.add(store);
      registries.add(registry);
      loading.add(registry.pad(PAD));
    }
    Future.all(loading).onComplete(loaded -> guarded(() -> {
      loading.forEach(f -> pads.add(f.result()));
      int n = 3 + gen.nextInt(6);
      for (int i = 0; i < n; i++) {
        String author = OtGen.AUTHORS[i % OtGen.AUTHORS.length] + i;
        editors.add(newEditor("client-" + i, author));
      }
      editors.forEach(e -> e.connect(anyPad()));
      next(() -> step(steps));
    }));
  }

  private SimulatedEditor newEditor(String clientId, String authorId) {
    return new SimulatedEditor(clientId, authorId, stores.get(0), violations::add, pads.size() > 1);
  }

  /** The pad of a random instance: a connection goes to whichever the balancer picks. */
  private Pad anyPad() {
    return pads.get(gen.nextInt(pads.size()));
  }

  private void step(int left) {
    if (left == 0) {
      next(() -> drain(0, this::addReader));
      return;
    }
    int roll = gen.nextInt(100);
    SimulatedEditor e = editors.get(gen.nextInt(editors.size()));
    if (roll < 30) {
      if (e.client.hasDocument() && editsLeft > 0) {
        editsLeft--;
        e.edit(localEdit(e.client.document().text()));
      }
    } else if (roll < 30 + dropPercent) {
      if (e.isConnected()) {
        drops++;
        closing.add(e.drop());
      }
    } else if (roll < 40 && !e.isConnected()) {
      e.connect(anyPad());
    } else {
      for (int burst = 1 + gen.nextInt(3); burst > 0 && deliverOne(); burst--) { /* a few messages at once */ }
    }
    next(() -> step(left - 1));
  }

  /**
   * Reconnects every editor and delivers everything in flight, in random order; {@code then} once
   * nothing moved for a few tasks.
   */
  private void drain(int quiet, Runnable then) {
    for (SimulatedEditor e : editors) if (!e.isConnected()) e.connect(anyPad());
    if (deliverOne()) next(() -> drain(0, then));
    else if (quiet < QUIET_TASKS) next(() -> drain(quiet + 1, then));
    else then.run();
  }

  /** A late reader joins without a rev: it gets the pad's text and author runs at its head. */
  private void addReader() {
    SimulatedEditor reader = newEditor("reader-0", "reader");
    reader.connect(anyPad());
    editors.add(reader);
    next(() -> drain(0, this::finish));
  }

  /** Delivers the head of one random queue, a held store reply or a late close; false when nothing was in flight. */
  private boolean deliverOne() {
    List<Runnable> ready = new ArrayList<>();
    for (SimulatedEditor e : editors) {
      SimulatedEditor.Connection c = e.connection();
      if (c == null) continue;
      if (!c.up.isEmpty()) ready.add(() -> c.up.poll().run());
      if (!c.down.isEmpty()) ready.add(() -> c.down.poll().run());
    }
    for (HeldRepliesStore store : stores) if (store.hasReplies()) ready.add(() -> store.deliverOne(gen.random()));
    if (!closing.isEmpty()) ready.add(() -> {
      SimulatedEditor.Connection gone = closing.remove(gen.nextInt(closing.size()));
      gone.pad.leave(gone);
    });
    if (ready.isEmpty()) return false;
    ready.get(gen.nextInt(ready.size())).run();
    return true;
  }

  private void finish() {
    long head = written.size();
    memory.ops(PAD, 0, head).onComplete(log -> guarded(() -> {
      SimulationChecks.check(pads, log.result(), written, editors, violations);
      Tally tally = new Tally(1, pads.size() > 1 ? 1 : 0, drops, sum(e -> e.resends), sum(e -> e.repeatedAcks),
          sum(e -> e.bufferedEdits), stores.stream().mapToInt(HeldRepliesStore::reads).sum(),
          stores.stream().mapToInt(HeldRepliesStore::groupCommits).sum(), sum(e -> e.joinsRetried), sum(e -> e.evictions));
      List<Future<Void>> closing = new ArrayList<>();
      for (PadRegistry r : registries) closing.add(r.closeAll(1000));
      Future.join(closing).onComplete(closed -> done.tryComplete(tally));
    }));
  }

  private int sum(java.util.function.ToIntFunction<SimulatedEditor> count) {
    return editors.stream().mapToInt(count).sum();
  }

  private void next(Runnable step) {
    context.runOnContext(v -> guarded(step));
  }

  /** Runs a step; a violation or an exception ends the case (a step thrown away would hang it). */
  private void guarded(Runnable step) {
    if (done.future().isComplete()) return;
    try {
      if (!violations.isEmpty()) throw new AssertionError(violations.get(0));
      step.run();
    } catch (Throwable t) {
      done.tryFail(t);
    }
  }

  /** Mostly typing and small deletions at a random place, sometimes a larger random op. */
  private TextOperation localEdit(String doc) {
    int roll = gen.nextInt(10);
    if (roll == 0) return gen.op(doc);
    List<Integer> cuts = OtGen.boundaries(doc);
    int from = gen.nextInt(cuts.size());
    int at = cuts.get(from);
    TextOperation.Builder b = TextOperation.builder().retain(at);
    if (roll < 7 || from == cuts.size() - 1) {
      b.insert(gen.nonEmptyText(3));
      return b.retain(doc.length() - at).build();
    }
    int to = cuts.get(Math.min(cuts.size() - 1, from + 1 + gen.nextInt(3)));
    return b.delete(to - at).retain(doc.length() - to).build();
  }

  /** The document the store's log builds, independently of any client. */
  static AttributedText replay(List<OpRecord> log) {
    AttributedText doc = AttributedText.EMPTY;
    for (OpRecord r : log) doc = doc.apply(r.op(), r.author());
    return doc;
  }
}
