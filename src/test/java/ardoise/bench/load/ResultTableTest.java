package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The results table shows the generator's CPU and marks the runs where it used more than half a core;
 * its ratios keep three significant digits, however far apart the servers are.
 */
class ResultTableTest {
  @Test
  void aRunWhoseGeneratorUsedMoreThanHalfACoreIsGeneratorBound() {
    assertEquals("62% **generator-bound**", ResultTable.generatorCpu(Map.of("generatorCpu", "62%")));
    assertEquals("51% **generator-bound**", ResultTable.generatorCpu(Map.of("generatorCpu", "51%")));
    assertEquals("50%", ResultTable.generatorCpu(Map.of("generatorCpu", "50%")));
    assertEquals("12%", ResultTable.generatorCpu(Map.of("generatorCpu", "12%")));
    assertEquals("-", ResultTable.generatorCpu(Map.of("generatorCpu", "NaN%")));
    assertEquals("-", ResultTable.generatorCpu(Map.of()));
  }

  @Test
  void aFigureARunCouldNotMeasureIsADash() {
    assertEquals("-", ResultTable.shown("NaN"));
    assertEquals("-", ResultTable.shown(null));
    assertEquals("12.2", ResultTable.shown("12.2"));
  }

  @Test
  void ratiosKeepTheirDigitsAndSayHowManyTimesLess() {
    assertEquals("9.57", ResultTable.ratio(335, 35));
    assertEquals("0.00408 (245× less)", ResultTable.ratio(41.5, 10166.3));
    assertEquals("1.00", ResultTable.ratio(7, 7));
  }
}
