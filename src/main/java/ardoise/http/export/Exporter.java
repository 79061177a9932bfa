package ardoise.http.export;

/**
 * Turns one revision of a pad into the bytes of a file. Implementations are stateless and
 * thread-safe; the rich ones are CPU-bound, so callers run them on a worker, never the event loop.
 */
public interface Exporter {

  ExportFormat format();

  byte[] export(ExportInput input);
}
