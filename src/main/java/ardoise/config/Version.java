package ardoise.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, from {@code ardoise/version.properties}, which Maven fills in from the
 * pom (resource filtering). Read from the class path, so it is the same in the jar and when running
 * from {@code target/classes} (exec:java, tests), where no jar manifest exists.
 */
public final class Version {
  private static final String CURRENT = read();

  private Version() {}

  /** E.g. {@code 0.3.0}. */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/ardoise/version.properties")) {
      if (in == null) throw new IllegalStateException("ardoise/version.properties is missing: build with Maven");
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version", "");
      // Why the check: an unfiltered copy (an IDE copying resources itself) would show "${project.version}".
      if (version.isBlank() || version.contains("${")) throw new IllegalStateException("ardoise/version.properties was not filled in by Maven");
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
