package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;
import ardoise.protocol.ClientSecrets;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Ardoise's protocol for the load generator's convergence check, with faults on
 * demand: joins, ops committed in order (a late op transformed past what was committed since, as
 * the real server does), one batch frame per commit to every member. Faults: one member is sent a
 * different op for one revision ({@link #corruptFor}), or one op is committed otherwise than its
 * author made it ({@link #corruptCommit}). Everything runs on the server's one event loop.
 */
final class FakePadServer implements AutoCloseable {
  private record Member(ServerWebSocket ws, String clientId) {}

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final List<Member> members = new ArrayList<>();
  private final List<TextOperation> history = new ArrayList<>();
  private String text = "";
  private final HttpServer server;
  /** The clientId of the member to send one corrupted op to (null: none), from revision {@link #corruptFrom}. */
  volatile String corruptFor;
  volatile boolean corruptCommit;
  volatile long corruptFrom = 50;
  private volatile boolean corrupted;
  private volatile int committed;

  FakePadServer() {
    server = vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("content-type", "application/json").end("{\"readOnly\":null}"))
        .webSocketHandler(ws -> ws.textMessageHandler(m -> received(ws, Json.parse(m))))
        .listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  /** Revisions committed so far. */
  int revisions() {
    return committed;
  }

  /** Whether the fault asked for happened. */
  boolean corrupted() {
    return corrupted;
  }

  private void received(ServerWebSocket ws, JsonNode m) {
    switch (m.get("type").textValue()) {
      case "join" -> {
        members.add(new Member(ws, ClientSecrets.clientId(m.get("secret").textValue())));
        StringBuilder sb = new StringBuilder("{\"type\":\"joined\",\"rev\":").append(history.size()).append(",\"text\":");
        Json.string(sb, text);
        ws.writeTextMessage(sb.append('}').toString());
      }
      case "op" -> commit(ws, m.get("rev").longValue(), m.get("seq").longValue(), Json.readOp(m.get("op"), 0));
      default -> { } // cursors
    }
  }

  private void commit(ServerWebSocket from, long rev, long seq, TextOperation op) {
    for (int i = (int) rev; i < history.size(); i++) op = TextOperation.transform(op, history.get(i)).aPrime();
    if (corruptCommit && !corrupted && history.size() >= corruptFrom && hasInsert(op)) {
      op = corrupt(op);
      corrupted = true;
    }
    text = op.apply(text);
    history.add(op);
    committed = history.size();
    String author = null;
    for (Member member : members) if (member.ws == from) author = member.clientId;
    String frame = frame(op, author, seq);
    for (Member member : members) {
      boolean target = member.clientId.equals(corruptFor) && !corrupted && history.size() >= corruptFrom && hasInsert(op);
      if (target) corrupted = true;
      member.ws.writeTextMessage(target ? frame(corrupt(op), author, seq) : frame);
    }
  }

  private String frame(TextOperation op, String author, long seq) {
    StringBuilder sb = new StringBuilder("{\"type\":\"batch\",\"messages\":[{\"type\":\"op\",\"rev\":").append(history.size())
        .append(",\"op\":");
    Json.ardoiseOp(sb, op);
    return sb.append(",\"clientId\":\"").append(author).append("\",\"seq\":").append(seq).append("}]}").toString();
  }

  private static boolean hasInsert(TextOperation op) {
    return op.components().stream().anyMatch(c -> c instanceof Component.Insert);
  }

  /** The same op with its inserted characters replaced by '#' (or '%' where they were '#'): same lengths, other text. */
  private static TextOperation corrupt(TextOperation op) {
    TextOperation.Builder b = TextOperation.builder();
    for (Component c : op.components()) {
      if (c instanceof Component.Insert ins) b.insert((ins.text().startsWith("#") ? "%" : "#").repeat(ins.text().length()));
      else b.add(c);
    }
    return b.build();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
