package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.OtGen;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The JSON form: strict reading of decoded arrays, exact writing, round trips through Jackson. */
class OpJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object decode(String json) throws Exception {
    return JSON.readValue(json, Object.class);
  }

  @Test
  void readsTheDocumentedExample() throws Exception {
    TextOperation op = OpJson.fromJson(decode("[5,\"Bonjour \",-3,12]"));
    assertEquals(TextOperation.builder().retain(5).insert("Bonjour ").delete(3).retain(12).build(), op);
    assertEquals(20, op.baseLength());
    assertEquals(25, op.targetLength());
    assertEquals(List.of(5, "Bonjour ", -3, 12), OpJson.toJsonValues(op));
  }

  @Test
  void readsIntoCanonicalForm() throws Exception {
    TextOperation op = OpJson.fromJson(decode("[2,3,-1,\"a\",-1,\"b\"]"));
    assertEquals("[5,\"ab\",-2]", OpJson.toJson(op));
    assertEquals(TextOperation.identity(0), OpJson.fromJson(decode("[]")));
    assertEquals(Integer.MAX_VALUE, OpJson.fromJson(decode("[2147483647]")).baseLength());
    assertEquals(Integer.MAX_VALUE, OpJson.fromJson(decode("[-2147483647]")).baseLength());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[0]", "[1.5]", "[5.0]", "[1e3]", "[-0.5]", "[null]", "[[1]]", "[{}]", "[3,{\"r\":2}]",
      "[true]", "[false]", "{}", "\"x\"", "5", "null", "true", "[\"\"]", "[2147483648]", "[-2147483648]",
      "[99999999999999999999]", "[-99999999999999999999]", "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"a\\ud83db\"]",
      "[2147483647,1]", "[2147483647,\"x\",1]", "[-2147483647,-1]"})
  void rejectsWithAClearMessage(String json) throws Exception {
    Object decoded = decode(json);
    var e = assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(decoded), json);
    assertTrue(e.getMessage() != null && e.getMessage().length() > 10, json + " -> " + e.getMessage());
  }

  @Test
  void rejectionMessagesSayWhatIsWrong() throws Exception {
    assertMessage("[1, 0]", "element 1 is zero");
    assertMessage("[1.5]", "must be an integer");
    assertMessage("[null]", "got null");
    assertMessage("[[1]]", "got an array");
    assertMessage("[{}]", "got an object");
    assertMessage("[true]", "got a boolean");
    assertMessage("{}", "must be a JSON array, got an object");
    assertMessage("\"x\"", "must be a JSON array, got a string");
    assertMessage("[\"\"]", "empty string");
    assertMessage("[2147483648]", "beyond int range");
    assertMessage("[-2147483648]", "beyond int range");
    assertMessage("[\"\\ud83d\"]", "lone surrogate");
    assertMessage("[2147483647,\"x\",1]", "too long");
  }

  private static void assertMessage(String json, String expected) throws Exception {
    Object decoded = decode(json);
    var e = assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(decoded), json);
    assertTrue(e.getMessage().contains(expected), json + " -> " + e.getMessage());
  }

  @Test
  void rejectsJavaValuesThatAreNotJson() {
    assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(null));
    assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(List.of(1.0f)));
    assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(List.of(new java.math.BigDecimal("2"))));
    assertThrows(InvalidOperationException.class, () -> OpJson.fromJson(new Object[] {1}));
    assertEquals(TextOperation.identity(7), OpJson.fromJson(List.of(7L)));
    assertEquals(TextOperation.identity(7), OpJson.fromJson(List.of(java.math.BigInteger.valueOf(7))));
  }

  @Test
  void toJsonEscapesQuotesBackslashesNewlinesAndLineSeparators() throws Exception {
    String tricky = "il a dit \"oui\" \\ puis\nnon\r\t\u2028\u2029\u0001 é😀";
    TextOperation op = TextOperation.builder().retain(2).insert(tricky).delete(1).build();
    String json = OpJson.toJson(op);
    assertEquals("[2,\"il a dit \\\"oui\\\" \\\\ puis\\nnon\\r\\t\\u2028\\u2029\\u0001 é😀\",-1]", json);
    assertTrue(json.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029), json);
    assertEquals(op, OpJson.fromJson(decode(json)));
    assertEquals(List.of(2, tricky, -1), decode(json));
  }

  @Test
  void roundTripsRandomOperationsThroughJackson() throws Exception {
    OtGen gen = new OtGen(7);
    for (int i = 0; i < 500; i++) {
      String doc = gen.text(gen.nextInt(20));
      TextOperation op = gen.op(doc, "*").withoutAuthors();
      String json = OpJson.toJson(op);
      assertEquals(op, OpJson.fromJson(decode(json)), json);
      assertEquals(json, JSON.writeValueAsString(OpJson.toJsonValues(op)).replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029"), "Jackson and OpJson agree on " + json);
    }
  }

  @Test
  void authorsAreNotPartOfTheJsonForm() {
    TextOperation op = TextOperation.builder().insert("a", "alice").insert("b", "bob").build();
    assertEquals("[\"ab\"]", OpJson.toJson(op));
    assertEquals(List.of("ab"), OpJson.toJsonValues(op));
  }
}
