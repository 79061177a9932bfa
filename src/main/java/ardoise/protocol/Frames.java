package ardoise.protocol;

import ardoise.ot.AuthorRun;
import ardoise.ot.OpJson;
import ardoise.pad.MemberInfo;
import ardoise.store.OpRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Encodes server → client frames (docs/protocol.md). One instance per server context: the last
 * broadcast op, cursor and member list are encoded once and reused for every member (fan-out
 * must not encode N times; a member list encoded per member made each join O(N²) work).
 * Thread rule: used on one context only.
 */
public final class Frames {
  private OpRecord lastRecord;
  private String lastOpFrame;
  private List<MemberInfo> lastMembers;
  private int lastViewers;
  private String lastPresenceFrame;
  private String lastCursorClient;
  private long lastCursorRev = -1;
  private int lastCursorAnchor;
  private int lastCursorHead;
  private String lastCursorFrame;

  public String joined(long rev, String clientId, long lastSeq, String text, List<AuthorRun> runs) {
    ObjectNode o = message("joined").put("rev", rev).put("clientId", clientId).put("lastSeq", lastSeq);
    if (text != null) {
      o.put("text", text);
      ArrayNode authors = o.putArray("authors");
      for (AuthorRun r : runs) authors.addArray().add(r.length()).add(r.author());
    }
    return write(o);
  }

  public String ack(long seq, long rev) {
    return write(message("ack").put("seq", seq).put("rev", rev));
  }

  /** Another client's op; the same record gives the same (cached) string. */
  public String op(OpRecord r) {
    if (r != lastRecord) {
      ObjectNode o = message("op").put("rev", r.rev()).put("clientId", r.clientId()).put("authorId", r.author());
      ArrayNode op = o.putArray("op");
      for (Object v : OpJson.toJsonValues(r.op())) {
        if (v instanceof String s) op.add(s);
        else op.add((Integer) v);
      }
      lastOpFrame = write(o);
      lastRecord = r;
    }
    return lastOpFrame;
  }

  /** The member list; the same list object (one broadcast) gives the same (cached) string. */
  public String presence(List<MemberInfo> members) {
    return presence(members, 0);
  }

  /** The writers and, when there are any, the number of read-only viewers (an additive field). */
  public String presence(List<MemberInfo> members, int viewers) {
    if (members == lastMembers && viewers == lastViewers) return lastPresenceFrame;
    ObjectNode o = message("presence");
    ArrayNode list = o.putArray("members");
    for (MemberInfo m : members) {
      list.addObject().put("clientId", m.clientId()).put("authorId", m.authorId()).put("name", m.name()).put("color", m.color());
    }
    if (viewers > 0) o.put("viewers", viewers);
    lastPresenceFrame = write(o);
    lastMembers = members;
    lastViewers = viewers;
    return lastPresenceFrame;
  }

  /** A relayed selection; the same values in a row (one broadcast) give the same (cached) string. */
  public String cursor(String clientId, long rev, int anchor, int head) {
    if (rev == lastCursorRev && anchor == lastCursorAnchor && head == lastCursorHead && clientId.equals(lastCursorClient)) {
      return lastCursorFrame;
    }
    lastCursorFrame = write(message("cursor").put("clientId", clientId).put("rev", rev).put("anchor", anchor).put("head", head));
    lastCursorClient = clientId;
    lastCursorRev = rev;
    lastCursorAnchor = anchor;
    lastCursorHead = head;
    return lastCursorFrame;
  }

  /** An error frame; {@code seq} (the refused op) is included when positive. */
  public String error(ErrorCode code, String message, long seq) {
    ObjectNode o = message("error").put("code", code.code()).put("message", message);
    if (seq > 0) o.put("seq", seq);
    return write(o);
  }

  /** The answer to {@code ping}. */
  public String pong() {
    return write(message("pong"));
  }

  private static ObjectNode message(String type) {
    return Codec.MAPPER.createObjectNode().put("type", type);
  }

  private static String write(ObjectNode o) {
    try {
      return Codec.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a tree of plain values", e);
    }
  }
}
