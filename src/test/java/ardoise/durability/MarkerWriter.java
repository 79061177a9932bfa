package ardoise.durability;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends markers {@code <w-000001>}, {@code <w-000002>}… to a pad through a store, one commit at a
 * time, the way a pad's sequencer does: a failed append is retried with the same expected head; a
 * head that moved is read, and our own record among the new revisions counts as acknowledged. It
 * does not write back what the store lost (a server would, from memory): what it measures is what
 * the store itself kept. Records when each marker was acknowledged, and when appends failed.
 * Thread rule: runs on its own thread; read the results after {@link #close()}.
 */
final class MarkerWriter implements AutoCloseable {
  static final int WIDTH = 10;
  private final PadStore store;
  private final String pad;
  private final String clientId;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, Long> ackedAt = new HashMap<>();
  private final List<Long> failedAt = new ArrayList<>();
  private final Thread thread;
  private long head;
  private long seq;
  private int attempts;

  MarkerWriter(PadStore store, String pad, String clientId) {
    this.store = store;
    this.pad = pad;
    this.clientId = clientId;
    this.thread = new Thread(this::run, "marker-writer");
    thread.start();
  }

  static String marker(long seq) {
    return String.format("<w-%06d>", seq);
  }

  private void run() {
    while (running.get()) {
      seq++;
      String marker = marker(seq);
      while (running.get()) {
        OpRecord record = new OpRecord(head + 1, TextOperation.builder().retain((int) head * WIDTH).insert(marker).build(),
            clientId, seq, clientId, System.currentTimeMillis());
        synchronized (this) {
          attempts++;
        }
        try {
          AppendResult r = store.append(pad, head, List.of(record)).await();
          if (r.appended()) {
            acked(marker);
            head++;
            break;
          }
          boolean ours = store.ops(pad, head, r.head()).await().stream()
              .anyMatch(o -> o.clientId().equals(clientId) && o.seq() == record.seq());
          head = r.head(); // below ours: the store lost revisions; go on from its head
          if (ours) {
            acked(marker);
            break;
          }
        } catch (Throwable e) { // Future.await rethrows the failure as it is (a Redis error reply is a Throwable)
          synchronized (this) {
            failedAt.add(System.nanoTime());
          }
          pause(20);
        }
      }
    }
  }

  private synchronized void acked(String marker) {
    ackedAt.put(marker, System.nanoTime());
  }

  synchronized int ackCount() {
    return ackedAt.size();
  }

  /** Markers acknowledged before {@code nanoTime}. */
  synchronized List<String> ackedBefore(long nanoTime) {
    return ackedAt.entrySet().stream().filter(e -> e.getValue() < nanoTime).map(Map.Entry::getKey).sorted().toList();
  }

  /** When each marker was acknowledged ({@link System#nanoTime()}), in order. */
  synchronized List<Long> ackTimes() {
    return ackedAt.values().stream().sorted().toList();
  }

  /** The first acknowledgement after {@code nanoTime}, or -1. */
  synchronized long firstAckAfter(long nanoTime) {
    return ackedAt.values().stream().filter(t -> t > nanoTime).min(Long::compare).orElse(-1L);
  }

  /** Appends sent so far, answered or not. */
  synchronized int attempts() {
    return attempts;
  }

  synchronized int failures() {
    return failedAt.size();
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
  }
}
