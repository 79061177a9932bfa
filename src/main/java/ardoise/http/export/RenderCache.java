package ardoise.http.export;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files rendered last, bounded in bytes: least recently used first out. A file larger than a
 * quarter of the bound is not kept (it would push out everything else for one download).
 * Thread rule: any thread; every method holds the cache's lock for a map operation only.
 */
final class RenderCache {
  private final long maxBytes;
  private final LinkedHashMap<RenderKey, byte[]> files = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  RenderCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized byte[] get(RenderKey key) {
    return files.get(key);
  }

  synchronized void put(RenderKey key, byte[] file) {
    long cost = costOf(key, file);
    if (cost > maxBytes / 4 || files.containsKey(key)) return;
    files.put(key, file);
    bytes += cost;
    Iterator<Map.Entry<RenderKey, byte[]>> oldest = files.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<RenderKey, byte[]> entry = oldest.next();
      bytes -= costOf(entry.getKey(), entry.getValue());
      oldest.remove();
    }
  }

  /** Bytes held (files and keys). */
  synchronized long bytes() {
    return bytes;
  }

  private static long costOf(RenderKey key, byte[] file) {
    return file.length + key.overheadBytes();
  }
}
