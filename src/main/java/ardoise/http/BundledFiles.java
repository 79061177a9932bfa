package ardoise.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A directory of files bundled with the server, read from the class path: inside the jar when it runs
 * with {@code java -jar}, from {@code target/classes} in development. Blocking: call at start or on a worker. One reader at a time
 * (synchronized): each event loop reads the templates at start, and a jar opens as one zip file system at a time.
 */
public final class BundledFiles {
  private BundledFiles() {}

  /** Gives {@code reader} the directory {@code name} of the class path as a Path, for as long as it reads; nothing when absent. */
  public static synchronized void read(String name, Consumer<Path> reader) {
    URL url = BundledFiles.class.getClassLoader().getResource(name);
    if (url == null) return;
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        reader.accept(Path.of(uri));
        return;
      }
      // Why a file system of our own, closed after: the jar's zip file system is not opened by the JVM for us.
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        reader.accept(jar.provider().getPath(uri));
      }
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("cannot read the bundled " + name + ": " + e.getMessage(), e));
    }
  }
}
