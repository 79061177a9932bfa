package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Long and empty pads typed in one run: each keystroke's latency counts overall and for its pad's kind. */
class MeasureByLengthTest {
  private static final long MS = 1_000_000;

  @Test
  void eachKeystrokeCountsOverallAndForItsKindOfPad() {
    Measure measure = new Measure(true);
    measure.arrived(0, 2 * MS, false);
    measure.arrived(0, 3 * MS, false);
    measure.arrived(0, 40 * MS, true);
    Histogram[] byLength = measure.intervalByLength();
    assertEquals(2, byLength[0].getTotalCount(), "empty pads");
    assertEquals(1, byLength[1].getTotalCount(), "long pads");
    assertEquals(40.0, Measure.maxMs(byLength[1]), 0.1);
    assertEquals(3, measure.interval().getTotalCount(), "every keystroke counts overall");
    assertEquals(0, measure.intervalByLength()[0].getTotalCount(), "each call starts a new interval");

    String line = Window.byLengthLine(byLength[0], byLength[1]);
    assertTrue(line.contains("p99 long / empty 13.3"), line);
  }

  @Test
  void runsWithOneKindOfPadKeepNoSplit() {
    Measure measure = new Measure(false);
    measure.arrived(0, MS, true);
    assertNull(measure.intervalByLength());
    assertEquals(1, measure.interval().getTotalCount());
  }

  @Test
  void everyOtherPadStartsLongOnlyWithInitialText() {
    assertTrue(Options.parse(new String[] {"--initial-kib=10", "--initial-kib-every=2"}).mixedLengths());
    assertEquals(false, Options.parse(new String[] {"--initial-kib-every=2"}).mixedLengths());
    assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--initial-kib-every=0"}));
  }
}
