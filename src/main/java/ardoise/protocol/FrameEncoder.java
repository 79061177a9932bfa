package ardoise.protocol;

import ardoise.ot.AuthorRun;
import ardoise.ot.OpJson;
import ardoise.pad.Broadcast;
import ardoise.pad.MemberInfo;
import ardoise.pad.PolicyView;
import ardoise.pad.PresenceChange;
import ardoise.store.ChatMessage;
import ardoise.store.OpRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Encodes server → client frames (docs/protocol.md). One instance per event loop: the last flush
 * and member list are encoded once and reused for every member of that loop (fan-out must not
 * encode N times; a member list encoded per member makes each join O(N²) work).
 * Thread rule: used on one context only.
 */
public final class FrameEncoder {
  private List<MemberInfo> lastMembers;
  private int lastViewers;
  private String lastPresenceFrame;
  private PresenceChange lastChange;
  private String lastChangeFrame;
  private Broadcast lastFlush;
  private String lastBatchFrame;
  private Broadcast lastSplitFlush;
  private String[] lastSplitFrames;
  private List<ChatMessage> lastChat;
  private String lastChatFrame;
  private String lastBytesFrame;
  private byte[] lastBytes;

  public String joined(long rev, String clientId, String authorId, long lastSeq, String text, List<AuthorRun> runs) {
    return joined(rev, clientId, authorId, lastSeq, text, runs, null);
  }

  /** The {@code joined} frame; {@code policy} (nullable) is what the pad's policy means for this connection. */
  public String joined(long rev, String clientId, String authorId, long lastSeq, String text, List<AuthorRun> runs,
      PolicyView policy) {
    ObjectNode o = message("joined").put("rev", rev).put("clientId", clientId).put("authorId", authorId).put("lastSeq", lastSeq);
    if (policy != null) policyFields(o.putObject("policy"), policy);
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

  /**
   * One flush as a {@code batch} frame, the same for every member (cached for the flush): each
   * revision as an {@code op} with its {@code seq} (its author's tab reads it as its ack), then the
   * cursors on {@code flush.head()}.
   */
  public String batch(Broadcast flush) {
    if (flush != lastFlush) {
      ObjectNode o = message("batch");
      ArrayNode messages = o.putArray("messages");
      for (OpRecord r : flush.records()) opMessage(r, messages.addObject().put("type", "op")).put("seq", r.seq());
      for (Broadcast.Cursor c : flush.cursors()) cursorMessage(messages.addObject().put("type", "cursor"), c.clientId(), flush.head(), c.anchor(), c.head());
      lastBatchFrame = write(o);
      lastFlush = flush;
    }
    return lastBatchFrame;
  }

  /**
   * One flush for a connection that takes no batches: element i is the {@code op} frame of record i,
   * then one {@code cursor} frame per cursor (acks and one's own cursor are the caller's to skip).
   * Cached for the flush, so N members cost one encoding.
   */
  public String[] split(Broadcast flush) {
    if (flush != lastSplitFlush) {
      List<OpRecord> records = flush.records();
      String[] out = new String[records.size() + flush.cursors().size()];
      for (int i = 0; i < records.size(); i++) out[i] = write(opMessage(records.get(i), message("op")));
      int i = records.size();
      for (Broadcast.Cursor c : flush.cursors()) out[i++] = write(cursorMessage(message("cursor"), c.clientId(), flush.head(), c.anchor(), c.head()));
      lastSplitFrames = out;
      lastSplitFlush = flush;
    }
    return lastSplitFrames;
  }

  private static ObjectNode opMessage(OpRecord r, ObjectNode o) {
    o.put("rev", r.rev()).put("clientId", r.clientId()).put("authorId", r.author());
    ArrayNode op = o.putArray("op");
    for (Object v : OpJson.toJsonValues(r.op())) {
      if (v instanceof String s) op.add(s);
      else op.add((Integer) v);
    }
    return o;
  }

  private static ObjectNode cursorMessage(ObjectNode o, String clientId, long rev, int anchor, int head) {
    return o.put("clientId", clientId).put("rev", rev).put("anchor", anchor).put("head", head);
  }

  /**
   * The writers and, when there are any, the number of read-only viewers (an additive field); the
   * same list object (one broadcast) gives the same (cached) string.
   */
  public String presence(List<MemberInfo> members, int viewers) {
    if (members == lastMembers && viewers == lastViewers) return lastPresenceFrame;
    ObjectNode o = message("presence");
    memberList(o.putArray("members"), members);
    if (viewers > 0) o.put("viewers", viewers);
    lastPresenceFrame = write(o);
    lastMembers = members;
    lastViewers = viewers;
    return lastPresenceFrame;
  }

  /**
   * A {@code presence} frame with what changed in the list ({@code changed}, {@code left},
   * {@code viewers}); the same change object (one broadcast) gives the same (cached) string.
   */
  public String presenceChanged(PresenceChange change) {
    if (change != lastChange) {
      ObjectNode o = message("presence");
      memberList(o.putArray("changed"), change.changed());
      ArrayNode left = o.putArray("left");
      for (String clientId : change.left()) left.add(clientId);
      o.put("viewers", change.viewers());
      lastChangeFrame = write(o);
      lastChange = change;
    }
    return lastChangeFrame;
  }

  private static void memberList(ArrayNode list, List<MemberInfo> members) {
    for (MemberInfo m : members) {
      list.addObject().put("clientId", m.clientId()).put("authorId", m.authorId()).put("name", m.name()).put("color", m.color());
    }
  }

  /**
   * Chat messages, oldest first; {@code history}: the pad's recent ones, sent after joining. The same
   * list object (one message told to every member of this loop) gives the same (cached) string.
   */
  public String chat(List<ChatMessage> messages, boolean history) {
    if (messages == lastChat && !history) return lastChatFrame;
    ObjectNode o = message("chat");
    ArrayNode list = o.putArray("messages");
    for (ChatMessage m : messages) {
      list.addObject().put("id", m.id()).put("clientId", m.clientId()).put("authorId", m.authorId())
          .put("name", m.name()).put("color", m.color()).put("text", m.text()).put("time", m.time());
    }
    if (history) o.put("history", true);
    String frame = write(o);
    if (!history) {
      lastChat = messages;
      lastChatFrame = frame;
    }
    return frame;
  }

  /** The {@code policy} frame: the pad's policy changed, or this connection gave the password. */
  public String policy(PolicyView policy) {
    return write(policyFields(message("policy"), policy));
  }

  private static ObjectNode policyFields(ObjectNode o, PolicyView p) {
    o.put("lifetimeDays", p.lifetimeDays());
    if (p.deletesAt() == null) o.putNull("deletesAt");
    else o.put("deletesAt", p.deletesAt());
    return o.put("locked", p.locked()).put("passwordRequired", p.passwordRequired())
        .put("protectReadOnly", p.protectReadOnly()).put("canWrite", p.canWrite());
  }

  /** An error frame with {@code retryAfter} (whole seconds) when positive: when the refused message may be sent again. */
  public String error(ErrorCode code, String message, long seq, long retryAfterSeconds) {
    ObjectNode o = message("error").put("code", code.code()).put("message", message);
    if (seq > 0) o.put("seq", seq);
    if (retryAfterSeconds > 0) o.put("retryAfter", retryAfterSeconds);
    return write(o);
  }

  /** An error frame; {@code seq} (the refused op) is included when positive. */
  public String error(ErrorCode code, String message, long seq) {
    return error(code, message, seq, 0);
  }

  /** The answer to {@code ping}. */
  public String pong() {
    return write(message("pong"));
  }

  /**
   * The UTF-8 bytes of a frame this encoder made. The last one is kept: a frame every member of this
   * loop receives (a flush's batch, a presence, a chat message) is the same string for all of them
   * and is encoded once, where the WebSocket's own text write would encode it again per member.
   */
  public byte[] utf8(String frame) {
    if (frame != lastBytesFrame) {
      lastBytes = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      lastBytesFrame = frame;
    }
    return lastBytes;
  }

  private static ObjectNode message(String type) {
    return FrameDecoder.MAPPER.createObjectNode().put("type", type);
  }

  private static String write(ObjectNode o) {
    try {
      return FrameDecoder.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a tree of plain values", e);
    }
  }
}
