package ardoise.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address and per-server buckets, on a clock the test moves (no waiting). */
class AddressBudgetTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(42 * SECOND);

  @Test
  void anAddressSpendsItsMinuteThenWaitsForTheRefill() {
    AddressBudget budget = new AddressBudget(60, 0, clock::get);
    for (int i = 0; i < 60; i++) assertEquals(0, budget.take("10.0.0.1", 1), "take " + i);
    assertEquals(1, budget.take("10.0.0.1", 1), "one unit a second comes back");
    assertEquals(0, budget.take("10.0.0.2", 1), "another address has its own budget");
    assertEquals(5, budget.take("10.0.0.1", 5), "five units: five seconds");
    clock.addAndGet(5 * SECOND);
    assertEquals(0, budget.take("10.0.0.1", 5));
    assertEquals(1, budget.take("10.0.0.1", 1), "a refused take takes nothing, a granted one all");
  }

  @Test
  void theServerBoundHoldsAcrossAddressesAndARefusalThereTakesNothingFromTheAddress() {
    AddressBudget budget = new AddressBudget(2, 3, clock::get);
    assertEquals(0, budget.take("a", 1));
    assertEquals(0, budget.take("a", 1));
    assertTrue(budget.take("a", 1) > 0, "a's own bound");
    assertEquals(0, budget.take("b", 1));
    assertEquals(20, budget.take("c", 1), "the server's 3 a minute are spent: one every 20 s");
    clock.addAndGet(20 * SECOND);
    assertEquals(0, budget.take("c", 1), "c lost nothing to the server's refusal");
  }

  @Test
  void aTakeLargerThanTheBudgetPassesWhenFullAndLeavesADebt() {
    AddressBudget budget = new AddressBudget(600, 0, clock::get);
    assertEquals(0, budget.take("a", 1000), "a whole budget and more, once");
    assertEquals(100, budget.take("a", 1000), "then the budget must be full again first: 400 of debt and 600 at 10 a second");
    assertTrue(budget.take("a", 1) > 40, "the debt of 400 is paid back first");
  }

  @Test
  void refundGivesBackWhatALaterCheckRefused() {
    AddressBudget budget = new AddressBudget(10, 100, clock::get);
    assertEquals(0, budget.take("a", 10));
    budget.refund("a", 10);
    assertEquals(0, budget.take("a", 10));
  }

  @Test
  void zeroTurnsABoundOff() {
    AddressBudget budget = new AddressBudget(0, 0, clock::get);
    for (int i = 0; i < 10_000; i++) assertEquals(0, budget.take("a" + i, 1_000_000));
    assertEquals(0, budget.addressCount(), "no address is remembered without a per-address bound");
  }

  @Test
  void theTableOfAddressesStaysBounded() {
    AddressBudget budget = new AddressBudget(10, 0, clock::get);
    for (int i = 0; i < AddressBudget.MAX_ADDRESSES + 5_000; i++) budget.take("idle-" + i, 1);
    assertTrue(budget.addressCount() <= AddressBudget.MAX_ADDRESSES, budget.addressCount() + " addresses kept");
    // A minute later every bucket is full again: the idle ones are forgotten first.
    clock.addAndGet(60 * SECOND);
    budget.take("busy", 10);
    for (int i = 0; i < AddressBudget.MAX_ADDRESSES; i++) budget.take("late-" + i, 1);
    assertTrue(budget.addressCount() <= AddressBudget.MAX_ADDRESSES, budget.addressCount() + " addresses kept");
  }
}
