package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed JavaScript test vectors must be what the Java core produces today. */
class OtVectorsTest {

  @Test
  void committedVectorsMatchTheJavaCore() throws Exception {
    String fresh = OtVectors.generate();
    if (Boolean.getBoolean("vectors.write")) {
      Files.writeString(OtVectors.FILE, fresh, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(OtVectors.FILE), "missing " + OtVectors.FILE
        + ": run mvn -q -B test -Dtest=OtVectorsTest -Dvectors.write=true");
    String committed = Files.readString(OtVectors.FILE, StandardCharsets.UTF_8);
    if (!committed.equals(fresh)) {
      fail(OtVectors.FILE + " differs from what the Java OT core generates (first difference at char "
          + firstDifference(committed, fresh) + "). If the change is deliberate, rewrite it with "
          + "mvn -q -B test -Dtest=OtVectorsTest -Dvectors.write=true and commit it; the JavaScript core "
          + "must then pass the new vectors.");
    }
  }

  @Test
  void vectorsAreSmallAndCoverEverySection() throws Exception {
    String fresh = OtVectors.generate();
    assertTrue(fresh.getBytes(StandardCharsets.UTF_8).length < 1_000_000, "vectors file must stay under 1 MB");
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fresh);
    for (String section : new String[] {"apply", "applyErrors", "compose", "transform", "invert",
        "transformIndex", "attribution"}) {
      assertEquals(OtVectors.CASES, tree.get(section).size(), section);
    }
    assertEquals("ardoise.ot.OtVectors", tree.get("generatedBy").asText());
    assertTrue(tree.get("parseErrors").size() >= 10);
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
    return n;
  }
}
