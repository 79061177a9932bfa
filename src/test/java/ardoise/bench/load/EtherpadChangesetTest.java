package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The load benchmark's Etherpad changesets ({@link EtherpadChangeset}) and client sync ({@link EtherpadSync}). */
class EtherpadChangesetTest {
  private static final String CHARS = "abcé \n\n";

  @Test
  void packUnpackRoundTrip() {
    for (String cs : List.of("Z:z>1|2=m=b*0|1+1$\n", "Z:5g<3|a=d-3$", "Z:6>1=2*0+1$X", "Z:a>0$", "Z:9>3|2=6=1*0|1+2*0+1$X\nY",
        "Z:1a<2*1*2|3=h-2$")) {
      assertEquals(cs, EtherpadChangeset.unpack(cs).pack());
    }
  }

  @Test
  void applyInsertsDeletesAndChecksNewlineCounts() {
    assertEquals("heXllo\n", EtherpadChangeset.unpack("Z:6>1=2*0+1$X").apply("hello\n"));
    assertEquals("ab\nef\n", EtherpadChangeset.unpack("Z:9<3|1=3|1-3$").apply("ab\ncd\nef\n"));
    // "ab\n" spans one newline: an op that says none is refused, as the server refuses it
    assertThrows(IllegalArgumentException.class, () -> EtherpadChangeset.unpack("Z:9<3=3|1-3$").apply("ab\ncd\nef\n"));
    assertThrows(IllegalArgumentException.class, () -> EtherpadChangeset.unpack("Z:6>1=2*0+1$X").apply("hello"));
  }

  @Test
  void madeChangesetsAreCanonical() {
    // keep 7 = "ab\ncd\n" (two lines) + "e"; insert "X\nY" = "X\n" (one line) + "Y"; the final keep is implicit
    assertEquals("Z:9>3|2=6=1*0|1+2*0+1$X\nY", EtherpadChangeset.insert("ab\ncd\nef\n", 7, "X\nY", "*0").pack());
    // delete "d\nef": "d\n" (one line), then "ef"
    assertEquals("Z:9<4|1=3=1|1-2-2$", EtherpadChangeset.delete("ab\ncd\nef\n", 4, 4).pack());
    // between two keeps, deletes come before inserts
    EtherpadChangeset del = EtherpadChangeset.delete("abcdef\n", 2, 1);
    EtherpadChangeset ins = EtherpadChangeset.insert("abdef\n", 2, "Z", "*0");
    assertEquals("Z:7>0=2-1*0+1$Z", EtherpadChangeset.compose(del, ins).pack());
  }

  @Test
  void composeAndFollowConvergeOnRandomCases() {
    long seed = Long.getLong("etherpad.seed", System.nanoTime()); // -Detherpad.seed=N replays a printed seed
    System.out.println("EtherpadChangesetTest seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 3000; round++) {
      String text = randomText(random, random.nextInt(30)) + "\n";
      EtherpadChangeset a = randomChangeset(random, text);
      EtherpadChangeset b = randomChangeset(random, text);
      String afterA = checked(a, text);
      String afterB = checked(b, text);
      boolean reverse = random.nextBoolean();
      EtherpadChangeset bAfterA = EtherpadChangeset.follow(a, b, reverse);
      EtherpadChangeset aAfterB = EtherpadChangeset.follow(b, a, !reverse);
      assertEquals(checked(bAfterA, afterA), checked(aAfterB, afterB), "seed " + seed + " round " + round + ": " + a + " / " + b);
      EtherpadChangeset then = randomChangeset(random, afterA);
      assertEquals(checked(then, afterA), checked(EtherpadChangeset.compose(a, then), text), "seed " + seed + " round " + round);
    }
  }

  @Test
  void clientsAndServerConvergeOnRandomSchedules() {
    long seed = Long.getLong("etherpad.seed", System.nanoTime()); // -Detherpad.seed=N replays a printed seed
    System.out.println("EtherpadChangesetTest clients seed " + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      Server server = new Server("\n");
      List<SimClient> clients = new ArrayList<>();
      for (int i = 0; i < 2 + random.nextInt(4); i++) clients.add(new SimClient(i, server));
      for (int step = 0; step < 300; step++) {
        SimClient c = clients.get(random.nextInt(clients.size()));
        switch (random.nextInt(3)) {
          case 0 -> c.type(random);
          case 1 -> server.processOne();
          default -> c.receiveOne();
        }
      }
      while (!server.inbox.isEmpty() || clients.stream().anyMatch(c -> !c.inbox.isEmpty())) {
        server.processOne();
        for (SimClient c : clients) c.receiveOne();
      }
      for (SimClient c : clients) {
        assertEquals(server.text, c.sync.text(), "seed " + seed + " round " + round + ", client " + c.number);
      }
    }
  }

  /** The text after {@code cs}, checking its newline counts and that it is in the canonical form the server requires. */
  private static String checked(EtherpadChangeset cs, String text) {
    String packed = cs.pack();
    assertEquals(packed, EtherpadChangeset.unpack(packed).pack());
    EtherpadChangeset.Assembler again = new EtherpadChangeset.Assembler();
    for (EtherpadChangeset.Op op : cs.ops) again.append(op.copy());
    assertEquals(packed, again.finish(cs.oldLen, cs.newLen, cs.charBank).pack(), "not canonical");
    String out = cs.apply(text);
    StringBuilder inPlace = new StringBuilder(text);
    cs.applyTo(inPlace);
    assertEquals(out, inPlace.toString());
    return out;
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
    return sb.toString();
  }

  /** One to three inserts or deletes composed, never touching the final newline. */
  private static EtherpadChangeset randomChangeset(Random random, String text) {
    EtherpadChangeset cs = EtherpadChangeset.identity(text.length());
    String now = text;
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      EtherpadChangeset edit = randomEdit(random, now, random.nextBoolean() ? "*0" : "*1");
      cs = EtherpadChangeset.compose(cs, edit);
      now = edit.apply(now);
    }
    return cs;
  }

  private static EtherpadChangeset randomEdit(Random random, CharSequence text, String attribs) {
    int editable = text.length() - 1;
    if (editable > 0 && random.nextInt(3) == 0) {
      int pos = random.nextInt(editable);
      return EtherpadChangeset.delete(text, pos, 1 + random.nextInt(Math.min(4, editable - pos)));
    }
    return EtherpadChangeset.insert(text, random.nextInt(editable + 1), randomText(random, 1 + random.nextInt(3)), attribs);
  }

  /** Etherpad's server as far as sync goes: a changeset on an older revision is moved past the newer ones. */
  private static final class Server {
    String text;
    final List<EtherpadChangeset> revisions = new ArrayList<>();
    final ArrayDeque<Object[]> inbox = new ArrayDeque<>(); // {client, baseRev, changeset}
    final List<SimClient> members = new ArrayList<>();

    Server(String text) {
      this.text = text;
    }

    void processOne() {
      Object[] m = inbox.poll();
      if (m == null) return;
      SimClient from = (SimClient) m[0];
      EtherpadChangeset cs = (EtherpadChangeset) m[2];
      for (int r = (int) m[1]; r < revisions.size(); r++) cs = EtherpadChangeset.follow(revisions.get(r), cs, false);
      text = cs.apply(text);
      revisions.add(cs);
      for (SimClient c : members) c.inbox.add(c == from ? new Object[] {"ACCEPT"} : new Object[] {"NEW", cs.withoutAttribs()});
    }
  }

  private static final class SimClient {
    final int number;
    final Server server;
    final EtherpadSync sync;
    final ArrayDeque<Object[]> inbox = new ArrayDeque<>();
    int rev;

    SimClient(int number, Server server) {
      this.number = number;
      this.server = server;
      this.sync = new EtherpadSync(server.text);
      this.rev = server.revisions.size();
      server.members.add(this);
    }

    void type(Random random) {
      if (sync.local(randomEdit(random, sync.textView(), "*" + number))) send();
    }

    private void send() {
      server.inbox.add(new Object[] {this, rev, sync.submitted()});
    }

    void receiveOne() {
      Object[] m = inbox.poll();
      if (m == null) return;
      rev++;
      if (m[0].equals("ACCEPT")) {
        if (sync.accepted() != null) send();
      } else {
        sync.remote((EtherpadChangeset) m[1]);
      }
    }
  }
}
