package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The results table shows the server's CPU per committed op and per delivered frame and the
 * generator's CPU, and marks the runs where the generator used more than half a core; its ratios keep
 * three significant digits, however far apart the servers are.
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
  void aRowShowsTheServersCpuPerOpAndPerFrameAndDashesWhereARunHasNone() {
    Map<String, String> run = new java.util.HashMap<>(Map.ofEntries(Map.entry("target", "ardoise"), Map.entry("label", "hot"),
        Map.entry("pads", "1"), Map.entry("typists", "300"), Map.entry("p50", "12.7"), Map.entry("p95", "45.1"),
        Map.entry("p99", "79.2"), Map.entry("max", "312.1"), Map.entry("delivered", "0.997"), Map.entry("opsPerSec", "1499"),
        Map.entry("serverCpu", "70%"), Map.entry("serverMicrosPerOp", "467"), Map.entry("serverMicrosPerFrame", "2.1"),
        Map.entry("generatorCpu", "55%"), Map.entry("heapMiB", "22"), Map.entry("rssMiB", "866"), Map.entry("errors", "0"),
        Map.entry("disconnects", "0"), Map.entry("divergent", "0")));
    assertEquals("| ardoise | hot | 1 | 300 | 12.7 | 45.1 | 79.2 | 312.1 | 0.997 | 1499 | 70% | 467 | 2.1 | 55% **generator-bound** "
        + "| 22 | 866 | 0 | 0 |", ResultTable.row(run));
    assertEquals(ResultTable.HEADER.split("\\|").length, ResultTable.row(run).split("\\|").length);

    run.put("heldTypists", "300"); // a steady run
    assertEquals("300", ResultTable.typists(run));
    run.put("heldTypists", "360"); // a ramp whose p99 held further with the generator bound
    assertEquals("300 (p99 held to 360, generator-bound)", ResultTable.typists(run));
    run.remove("heldTypists");

    run.remove("serverMicrosPerOp"); // a RESULT line written before these figures
    run.put("serverMicrosPerFrame", "NaN"); // a run without the server's pid
    assertEquals("| ardoise | hot | 1 | 300 | 12.7 | 45.1 | 79.2 | 312.1 | 0.997 | 1499 | 70% | - | - | 55% **generator-bound** "
        + "| 22 | 866 | 0 | 0 |", ResultTable.row(run));
  }

  @Test
  void cpuPerUnitIsInMicrosecondsAndMissingWithoutCpuOrUnits() {
    assertEquals(467.0, Window.microsPer(21.0, 45_000), 0.5);
    assertEquals(2.5, Window.microsPer(0.5, 200_000), 1e-9);
    assertEquals(Double.NaN, Window.microsPer(Double.NaN, 1000));
    assertEquals(Double.NaN, Window.microsPer(3.0, 0));
  }

  @Test
  void ratiosKeepTheirDigitsAndSayHowManyTimesLess() {
    assertEquals("9.57", ResultTable.ratio(335, 35));
    assertEquals("0.00408 (245× less)", ResultTable.ratio(41.5, 10166.3));
    assertEquals("1.00", ResultTable.ratio(7, 7));
  }
}
