package ardoise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's version as pom.xml writes it: what every place that shows a version must show. */
public final class ProjectVersion {
  private ProjectVersion() {}

  public static String ofPom() {
    try {
      String pom = Files.readString(Path.of("pom.xml"));
      Matcher m = Pattern.compile("<artifactId>ardoise</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
      if (!m.find()) throw new IllegalStateException("pom.xml names no version after <artifactId>ardoise</artifactId>");
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
