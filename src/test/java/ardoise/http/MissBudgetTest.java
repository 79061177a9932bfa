package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address budget of misses, on a clock the test moves, and the address a request counts under. */
class MissBudgetTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBudgetOfSixtyRefillsOneMissASecondAndSaysWhenToComeBack() {
    AtomicLong now = new AtomicLong();
    MissBudget budget = new MissBudget(60, now::get);
    for (int i = 0; i < 60; i++) assertEquals(0, budget.take("192.0.2.1"));
    assertEquals(1, budget.take("192.0.2.1"), "the 61st waits about a second");
    assertEquals(0, budget.take("192.0.2.2"), "another address has its own budget");
    now.addAndGet(SECOND);
    assertEquals(0, budget.take("192.0.2.1"));
    assertEquals(1, budget.take("192.0.2.1"));
    now.addAndGet(120 * SECOND);
    for (int i = 0; i < 60; i++) assertEquals(0, budget.take("192.0.2.1"), "refilled, never above the budget");
    assertEquals(1, budget.take("192.0.2.1"));
  }

  @Test
  void zeroMeansNoLimit() {
    MissBudget budget = new MissBudget(0);
    for (int i = 0; i < 10_000; i++) assertEquals(0, budget.take("192.0.2.1"));
  }

  @Test
  void ipv6CountsByItsSlash64AndForwardedForIsReadFromTheEnd() {
    assertEquals("2001:db8:1:2::/64", ClientAddress.prefix("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    assertEquals("2001:db8:1:2::/64", ClientAddress.prefix("[2001:db8:1:2::1]"));
    assertEquals("192.0.2.7", ClientAddress.prefix("192.0.2.7"));
    assertEquals("192.0.2.7", ClientAddress.prefix("::ffff:192.0.2.7"));
    assertEquals("203.0.113.5", ClientAddress.forwarded(List.of("10.0.0.1, 203.0.113.5"), 1));
    assertEquals("10.0.0.1", ClientAddress.forwarded(List.of("10.0.0.1", "203.0.113.5"), 2));
    assertEquals(null, ClientAddress.forwarded(List.of("203.0.113.5"), 2));
  }
}
