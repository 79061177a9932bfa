package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The error pages' French explanations keep : ; ? ! » and « with their word (no-break spaces). */
class ErrorTextsTest {
  private static final Pattern LOOSE_FRENCH_SPACE = Pattern.compile("[ \\t\\n][:;?!»]|«[ \\t\\n]");

  @Test
  void frenchPunctuationNeverStartsALine() {
    List<HttpError> loose = Arrays.stream(HttpError.values())
        .filter(e -> {
          String text = ErrorTexts.explanation(e, "fr");
          return text != null && LOOSE_FRENCH_SPACE.matcher(text).find();
        })
        .toList();
    assertEquals(List.of(), loose);
  }
}
