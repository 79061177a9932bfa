package ardoise.http.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache of rendered files stays within its bytes, drops the least recently used first, keeps no giant. */
class RenderCacheTest {
  private static RenderKey key(long rev) {
    return new RenderKey(ExportFormat.PDF, "pad", rev, Instant.EPOCH, 10, 42, ExportOptions.plain("fr"), Map.of());
  }

  @Test
  void staysWithinItsBytesAndDropsTheLeastRecentlyUsed() {
    RenderCache cache = new RenderCache(10_000);
    for (long rev = 1; rev <= 4; rev++) cache.put(key(rev), new byte[2000]);
    assertArrayEquals(new byte[2000], cache.get(key(1))); // 1 is now the most recently used
    cache.put(key(5), new byte[2000]);
    assertTrue(cache.bytes() <= 10_000, "bytes held: " + cache.bytes());
    assertNull(cache.get(key(2)), "the least recently used went first");
    assertArrayEquals(new byte[2000], cache.get(key(1)));
    assertArrayEquals(new byte[2000], cache.get(key(5)));
  }

  @Test
  void aFileOverAQuarterOfTheBoundIsNotKept() {
    RenderCache cache = new RenderCache(10_000);
    cache.put(key(1), new byte[3000]);
    assertNull(cache.get(key(1)));
    assertEquals(0, cache.bytes());
    RenderCache none = new RenderCache(0);
    none.put(key(1), new byte[1]);
    assertNull(none.get(key(1)), "a cache of 0 bytes keeps nothing");
  }

  @Test
  void authorsNamesAreInTheKeyOnlyWhenAuthorshipIsShown() {
    ExportInput plain = ExportSamples.input("# Bonjour", ExportOptions.plain("fr"));
    ExportInput renamed = new ExportInput(plain.padName(), plain.rev(), plain.time(), plain.text(), plain.runs(),
        Map.of("someone", new Contributor("Autre nom", "#123456")), plain.options());
    assertEquals(RenderKey.of(ExportFormat.PDF, plain), RenderKey.of(ExportFormat.PDF, renamed));
    ExportOptions authors = ExportOptions.withAuthors("fr");
    ExportInput shown = new ExportInput(plain.padName(), plain.rev(), plain.time(), plain.text(), plain.runs(),
        plain.contributors(), authors);
    ExportInput shownRenamed = new ExportInput(plain.padName(), plain.rev(), plain.time(), plain.text(), plain.runs(),
        renamed.contributors(), authors);
    assertNotEquals(RenderKey.of(ExportFormat.PDF, shown), RenderKey.of(ExportFormat.PDF, shownRenamed));
  }
}
