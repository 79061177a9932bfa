package ardoise.http.assets;

import ardoise.http.BundledFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Everything the pages load, read once per process: the files of {@code webroot/} (from the working
 * directory when it has one, else from the jar), modules the server generates, and the WebJars'
 * files as they are asked for. The pages are rewritten once ({@link PageRewrite}) so their own
 * scripts and styles load from {@code /v/{tag}/…}, where the tag is a hash of every file: a new
 * release has new addresses, so those may be cached for a year without a browser ever mixing new
 * pages with old code. Changing a file under {@code webroot/} takes a restart.
 * Thread rule: any thread; loading reads files, so do it off the event loops.
 */
public final class WebAssets {
  private static final String ROOT = "webroot";
  private static final String WEBJARS = "META-INF/resources";
  /** A script that runs as a worker: its own response's policy applies to it. */
  private static final String SERVICE_WORKER = "/sw.js";
  private static WebAssets shared;

  private final String tag;
  private final Map<String, Asset> files;
  private final Set<String> importMapHashes;
  /** Only files that exist: their number is bounded by the WebJars on the class path. */
  private final Map<String, Optional<Asset>> webJars = new ConcurrentHashMap<>();
  /** One thread for the process: each file is compressed once, never on an event loop. */
  private static final Executor COMPRESSOR = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ardoise-compress");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  });

  private WebAssets(String tag, Map<String, Asset> files, Set<String> importMapHashes) {
    this.tag = tag;
    this.files = files;
    this.importMapHashes = importMapHashes;
  }

  /**
   * The process's assets, loaded on the first call (blocking: call it first on a worker). Every
   * server of the process shares them. {@code generated}: modules the server writes (path → text);
   * {@code version}: the release, shown in the home page's footer.
   */
  public static synchronized WebAssets shared(Map<String, String> generated, String version) {
    if (shared == null) shared = load(readRoot(), generated, version);
    return shared;
  }

  static WebAssets load(Map<String, byte[]> root, Map<String, String> generated, String version) {
    Map<String, byte[]> raw = new TreeMap<>(root);
    generated.forEach((path, text) -> raw.put(path, text.getBytes(StandardCharsets.UTF_8)));
    String tag = tagOf(raw, version);
    Map<String, Asset> files = new ConcurrentHashMap<>();
    Set<String> hashes = new LinkedHashSet<>();
    Map<String, String> webJarSources = new ConcurrentHashMap<>();
    raw.forEach((path, bytes) -> {
      String type = MediaTypes.of(path);
      if (type == null || path.endsWith(".html")) return;
      files.put(path, path.equals(SERVICE_WORKER) ? new Asset(bytes, type, true) : new Asset(bytes, type));
    });
    raw.forEach((path, bytes) -> {
      if (!path.endsWith(".html") || path.indexOf('/', 1) > 0) return;
      PageRewrite page = new PageRewrite(new String(bytes, StandardCharsets.UTF_8), "/v/" + tag, version);
      ModuleGraph graph = new ModuleGraph(page.importMap(), url -> {
        if (url.startsWith("/webjars/")) return webJarSources.computeIfAbsent(url, WebAssets::readWebJar);
        byte[] own = raw.get(url);
        return own == null ? null : new String(own, StandardCharsets.UTF_8);
      });
      String html = page.rewrite(graph.dependencies(page.entryModules()));
      PageRewrite.importMapTextOf(html).ifPresent(text -> hashes.add(PageRewrite.cspHash(text)));
      files.put(path, new Asset(html.getBytes(StandardCharsets.UTF_8), MediaTypes.of(path)));
    });
    WebAssets assets = new WebAssets(tag, Map.copyOf(files), Set.copyOf(hashes));
    assets.compressAhead(webJarSources.keySet());
    return assets;
  }

  /**
   * Compresses the pages' files in the background, once, so that the first room of phones after a
   * start does not wait for it; the WebJar modules the pages preload ({@code webJars}) too.
   */
  private void compressAhead(Collection<String> webJarModules) {
    List<Asset> all = new java.util.ArrayList<>(files.values());
    for (String path : webJarModules) webJar(path).ifPresent(all::add);
    for (Asset asset : all) {
      for (Encoding encoding : List.of(Encoding.BROTLI, Encoding.GZIP)) {
        if (encoding == Encoding.BROTLI && !Encoding.brotliAvailable()) continue;
        asset.in(asset.encodingFor(encoding), COMPRESSOR);
      }
    }
  }

  /** The release's tag in the addresses {@code /v/{tag}/…}. */
  public String tag() {
    return tag;
  }

  /** A file of webroot by its path ({@code /js/pad-main.js}, {@code /pad.html}); pages come rewritten. */
  public Optional<Asset> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The sha256 CSP sources ({@code 'sha256-…'}) of the pages' inline import maps, after rewriting. */
  public Collection<String> importMapHashes() {
    return importMapHashes;
  }

  /**
   * A WebJar's file by its URL path ({@code /webjars/crelt/1.0.7/index.js}), read from the class
   * path the first time (blocking: call off the event loops), or empty.
   */
  public Optional<Asset> webJar(String path) {
    if (!path.startsWith("/webjars/") || path.contains("..") || path.contains("//") || MediaTypes.of(path) == null) {
      return Optional.empty();
    }
    Optional<Asset> known = webJars.get(path);
    if (known != null) return known;
    byte[] bytes = readWebJarBytes(path);
    if (bytes == null) return Optional.empty(); // not remembered: made-up addresses must not fill the memory
    return webJars.computeIfAbsent(path, p -> Optional.of(new Asset(bytes, MediaTypes.of(p))));
  }

  /** Whether the WebJar file was read already (then {@link #webJar} does not block). */
  public boolean webJarKnown(String path) {
    return webJars.containsKey(path);
  }

  public Executor compressor() {
    return COMPRESSOR;
  }

  private static String tagOf(Map<String, byte[]> files, String version) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.writeBytes(version.getBytes(StandardCharsets.UTF_8));
    files.forEach((path, bytes) -> {
      all.writeBytes(path.getBytes(StandardCharsets.UTF_8));
      all.write(0);
      all.writeBytes(bytes);
    });
    return java.util.HexFormat.of().formatHex(Asset.digest(all.toByteArray()), 0, 6);
  }

  private static String readWebJar(String url) {
    byte[] bytes = readWebJarBytes(url);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] readWebJarBytes(String url) {
    try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(WEBJARS + url)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** webroot's files by URL path: from {@code ./webroot} when it exists (development), else from the class path. */
  private static Map<String, byte[]> readRoot() {
    Map<String, byte[]> files = new TreeMap<>();
    Path dir = Path.of(ROOT);
    if (Files.isDirectory(dir)) {
      readTree(dir, files);
    } else {
      BundledFiles.read(ROOT, root -> readTree(root, files));
    }
    if (files.isEmpty()) throw new IllegalStateException("no webroot: neither ./webroot nor the jar's copy was found");
    return files;
  }

  private static void readTree(Path root, Map<String, byte[]> into) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        into.put("/" + relative, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
