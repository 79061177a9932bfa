package ardoise.http;

import io.netty.channel.ChannelHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Lets an upgraded WebSocket drop the HTTP request it came from. Why: Vert.x puts the WebSocket's
 * handler in the socket's pipeline with the function that made its connection, and that function
 * holds the handshake, hence the upgrade request, its response, headers, routing context and the
 * HTTP connection object, for as long as the socket lives: about 3 KiB of an idle viewer's 8.4.
 * The handler calls that function once, when it is added; once the WebSocket exists it is dead
 * weight, and this clears the handler's reference to it.
 *
 * <p>Reaches a private field of Vert.x's handler class: if a Vert.x upgrade renames it, or a JDK
 * refuses to change a final field, {@link #release} does nothing and the socket keeps that memory
 * (logged once). {@code HandshakeLeftoversTest} checks that the request is collected while its
 * socket stays open. Thread rule: call on the connection's event loop, after the upgrade.
 */
final class HandshakeLeftovers {
  private static final System.Logger LOG = System.getLogger(HandshakeLeftovers.class.getName());
  private static final Field FACTORY = factoryField();
  private static volatile boolean warned;

  private HandshakeLeftovers() {}

  private static Field factoryField() {
    try {
      Field f = VertxHandler.class.getDeclaredField("connectionFactory");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Clears the factory of each Vert.x handler on {@code connection}'s socket that already made its connection. */
  static void release(HttpConnection connection) {
    if (FACTORY == null || !(connection instanceof ConnectionBase c)) {
      unavailable(connection.getClass().getName());
      return;
    }
    for (Map.Entry<String, ChannelHandler> entry : c.channel().pipeline()) {
      if (entry.getValue() instanceof VertxHandler<?> handler && handler.getConnection() != null) {
        try {
          FACTORY.set(handler, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
          unavailable(e.toString());
          return;
        }
      }
    }
  }

  private static void unavailable(String why) {
    if (warned) return;
    warned = true;
    LOG.log(System.Logger.Level.INFO, "pad=- client=- an idle WebSocket keeps its upgrade request in memory ({0})", why);
  }
}
