package ardoise.http.export;

import java.util.concurrent.CancellationException;

/**
 * Where a render stops when it is no longer wanted. {@link RenderPool} cancels a running render by
 * interrupting its thread; the exporters call {@link #check()} often (every Markdown block, every
 * line the PDF layout breaks, every PDF page), so the CPU stops within milliseconds even inside
 * libraries that never look at interrupts themselves.
 */
final class RenderCheckpoint {
  private RenderCheckpoint() {}

  /** Throws {@link CancellationException} when the current thread was interrupted (the flag stays set). */
  static void check() {
    if (Thread.currentThread().isInterrupted()) throw new CancellationException("render cancelled");
  }
}
