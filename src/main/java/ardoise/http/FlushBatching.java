package ardoise.http;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Coalesces a socket's flushes within one event-loop task. Why: Vert.x flushes every frame
 * written to a connection that is not the one being read, so a pad's broadcast cost one write
 * system call per frame and recipient; with this, the frames a task writes to one socket (the
 * ops of one group commit, an op and a cursor) leave in one write, at the end of that task.
 *
 * <p>Reaches Netty's pipeline through Vert.x's connection implementation class: if a Vert.x
 * upgrade changes it, {@link #install} does nothing and the server keeps working unbatched.
 * Thread rule: call on the connection's event loop, before the WebSocket upgrade.
 */
final class FlushBatching {
  private static final System.Logger LOG = System.getLogger(FlushBatching.class.getName());
  /** Flush at the latest after this many frames, so a long task still streams. */
  private static final int MAX_FRAMES_PER_FLUSH = 256;

  private FlushBatching() {}

  static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase c && c.channel().pipeline().get(FlushConsolidationHandler.class) == null) {
      c.channel().pipeline().addFirst(new FlushConsolidationHandler(MAX_FRAMES_PER_FLUSH, true));
    } else {
      LOG.log(System.Logger.Level.DEBUG, "pad=- client=- flush batching unavailable for {0}", connection.getClass().getName());
    }
  }
}
