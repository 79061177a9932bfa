package ardoise.durability;

/** Where the server takes WebSocket connections (see docs/protocol.md). */
final class Wire {
  static final String PATH = "/ws/";

  private Wire() {}
}
