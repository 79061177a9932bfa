package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.LongStream;

/** A group of {@link TypingClient}s on one pad, with the checks every durability test makes. */
final class Typists {
  final List<TypingClient> clients = new ArrayList<>();
  private final Random random;

  Typists(Vertx vertx, String prefix, int count, long seed) {
    this.random = new Random(seed);
    for (int i = 0; i < count; i++) clients.add(new TypingClient(vertx, prefix + i, seed * 31 + i));
  }

  /** Connects {@code clients} to the server on {@code port} and waits for their joined. */
  static void connect(List<TypingClient> clients, int port, String padId) {
    List<Future<Void>> all = new ArrayList<>();
    for (TypingClient c : clients) all.add(c.connect(port, Wire.PATH, padId));
    Future.all(all).await();
    Eventually.until("every client joined", () -> clients.stream().allMatch(TypingClient::isConnected));
  }

  void connect(int port, String padId) {
    connect(clients, port, padId);
  }

  /** Types {@code tokens} tokens on random clients, a few milliseconds apart (a typist's rhythm). */
  void type(int tokens) {
    for (int i = 0; i < tokens; i++) {
      clients.get(random.nextInt(clients.size())).type();
      try {
        Thread.sleep(1 + random.nextInt(4));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Types on a background thread, a token every few milliseconds, until the returned handle is closed. */
  AutoCloseable typeInBackground() {
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread typist = new Thread(() -> {
      while (running.get()) type(1);
    }, "typist");
    typist.start();
    return () -> {
      running.set(false);
      typist.join();
    };
  }

  /** Every client types one token at once: each has an op in flight right after. */
  void burst() {
    for (TypingClient c : clients) c.type();
  }

  int acks() {
    return clients.stream().mapToInt(TypingClient::acks).sum();
  }

  /** Waits until every op is acknowledged and every client saw every revision. */
  void awaitSettled() {
    Eventually.until("all clients idle at one revision", () -> {
      long rev = clients.get(0).rev();
      return clients.stream().allMatch(c -> c.idle() && c.rev() == rev);
    }, this::describe);
  }

  String describe() {
    StringBuilder sb = new StringBuilder();
    for (TypingClient c : clients) {
      sb.append("\n  ").append(c.name()).append(" rev=").append(c.rev()).append(" idle=").append(c.idle())
          .append(" connected=").append(c.isConnected()).append(" errors=").append(c.errors())
          .append(" problems=").append(c.problems());
    }
    return sb.toString();
  }

  /** One text everywhere; each typed token in it exactly once; nothing else in it. */
  void assertConvergedWithEveryTokenOnce() {
    String text = clients.get(0).doc();
    for (TypingClient c : clients) assertEquals(text, c.doc(), c.name() + " diverged");
    Map<String, Integer> counts = tokenCounts(text);
    int typed = 0;
    for (TypingClient c : clients) {
      for (String token : c.typed()) {
        typed++;
        assertEquals(1, counts.getOrDefault(token, 0), "token " + token + " in the final text");
      }
    }
    assertEquals(typed, counts.values().stream().mapToInt(Integer::intValue).sum(), "tokens nobody typed");
    assertEquals(text.length(), counts.keySet().stream().mapToInt(t -> t.length() * counts.get(t)).sum(),
        "the text holds something other than whole tokens: " + text);
  }

  /** Each client saw revisions joinedAt+1 .. head, each once, in order, and no protocol oddity. */
  void assertEveryRevisionSeenOnce() {
    for (TypingClient c : clients) {
      assertEquals(List.of(), c.problems(), c.name() + " problems");
      List<Long> expected = LongStream.rangeClosed(c.joinedAt() + 1, c.rev()).boxed().toList();
      assertEquals(expected, c.revs(), c.name() + " revisions");
    }
  }

  void assertNoErrors() {
    for (TypingClient c : clients) assertTrue(c.errors().isEmpty(), c.name() + " got errors " + c.errors());
  }

  static Map<String, Integer> tokenCounts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = TypingClient.TOKEN.matcher(text);
    while (m.find()) counts.merge(m.group(), 1, Integer::sum);
    return counts;
  }

  void drop() {
    clients.forEach(TypingClient::drop);
  }
}
