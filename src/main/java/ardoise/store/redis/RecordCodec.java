package ardoise.store.redis;

import ardoise.ot.AttributedText;
import ardoise.ot.AuthorRun;
import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.Snapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts op records and snapshots to and from their stored form. Ops are stored in their wire JSON
 * form (no authors) next to the record's author, which every insert of a stored op belongs to.
 * Stored data that does not parse raises {@link CorruptDataException}: it is never silently skipped.
 */
final class RecordCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordCodec() {}

  /** The 5 script arguments of one record: clientId, seq, op JSON, author, time. */
  static void appendArgs(OpRecord r, List<String> out) {
    out.add(r.clientId());
    out.add(Long.toString(r.seq()));
    out.add(OpJson.toJson(r.op()));
    out.add(r.author());
    out.add(Long.toString(r.time()));
  }

  /** One XRANGE entry: {@code [rev-0, [field, value, ...]]}. */
  static OpRecord record(Response entry) {
    String id = entry.get(0).toString();
    long rev = Long.parseLong(id.substring(0, id.indexOf('-')));
    Response fields = entry.get(1);
    String clientId = null, op = null, author = null;
    long seq = 0, time = 0;
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String value = fields.get(i + 1).toString();
      switch (fields.get(i).toString()) {
        case "clientId" -> clientId = value;
        case "seq" -> seq = Long.parseLong(value);
        case "op" -> op = value;
        case "author" -> author = value;
        case "time" -> time = Long.parseLong(value);
        default -> { } // fields added by a later version are ignored
      }
    }
    if (clientId == null || op == null || author == null) {
      throw new CorruptDataException("op record " + rev + " lacks clientId, op or author");
    }
    return new OpRecord(rev, parseOp(op, rev).withAuthor(author), clientId, seq, author, time);
  }

  static List<OpRecord> records(Response entries) {
    List<OpRecord> out = new ArrayList<>(entries.size());
    for (Response entry : entries) out.add(record(entry));
    return out;
  }

  private static TextOperation parseOp(String json, long rev) {
    try {
      return OpJson.fromJson(JSON.readValue(json, Object.class));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new CorruptDataException("op record " + rev + " has an unreadable op: " + CorruptDataException.describe(e));
    }
  }

  static String snapshotJson(Snapshot s) {
    ObjectNode node = JSON.createObjectNode();
    node.put("rev", s.rev()).put("time", s.time()).put("text", s.doc().text());
    ArrayNode runs = node.putArray("runs");
    for (AuthorRun run : s.doc().runs()) runs.addArray().add(run.length()).add(run.author());
    return node.toString();
  }

  static Snapshot snapshot(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<AuthorRun> runs = new ArrayList<>();
      for (JsonNode run : node.get("runs")) runs.add(new AuthorRun(run.get(0).intValue(), run.get(1).textValue()));
      AttributedText doc = AttributedText.fromRuns(node.get("text").textValue(), runs);
      return new Snapshot(node.get("rev").longValue(), doc, node.get("time").longValue());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new CorruptDataException("unreadable snapshot: " + CorruptDataException.describe(e));
    }
  }

  /** Thrown when stored data does not parse: a bug or a foreign writer, never a client's fault. */
  static final class CorruptDataException extends RuntimeException {
    CorruptDataException(String message) {
      super(message);
    }

    /**
     * What went wrong reading stored data, without the data: a parser's own message quotes what it
     * read (pad text, names), and this message goes to the log.
     */
    static String describe(Exception e) {
      if (e instanceof ardoise.ot.InvalidOperationException) return e.getMessage(); // ours: lengths and positions only
      if (e instanceof JsonProcessingException j && j.getLocation() != null) {
        return j.getClass().getSimpleName() + " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
      }
      return e.getClass().getSimpleName();
    }
  }
}
