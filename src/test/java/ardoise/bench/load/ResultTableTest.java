package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results table shows the generator's CPU and marks the runs where it used more than half a core. */
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
}
