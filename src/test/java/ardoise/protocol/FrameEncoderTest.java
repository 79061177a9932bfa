package ardoise.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ardoise.ot.TextOperation;
import ardoise.pad.Broadcast;
import ardoise.pad.MemberInfo;
import ardoise.store.OpRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broadcast is encoded once; a different broadcast is never answered from the cache. */
class FrameEncoderTest {
  private final FrameEncoder frames = new FrameEncoder();
  private final MemberInfo alice = new MemberInfo("alice-0123456789ab", "alice-0123456789ab", "Alice", "#e69f00");
  private final MemberInfo bruno = new MemberInfo("bruno-0123456789ab", "bruno-0123456789ab", "Bruno", "#56b4e9");

  @Test
  void presenceIsEncodedOncePerMemberList() {
    List<MemberInfo> one = List.of(alice, bruno);
    String first = frames.presence(one, 0);
    assertSame(first, frames.presence(one, 0));
    String renamed = frames.presence(List.of(alice, new MemberInfo(bruno.clientId(), bruno.authorId(), "Bruno L.", "#009e73")), 0);
    assertEquals("{\"type\":\"presence\",\"members\":[{\"clientId\":\"alice-0123456789ab\",\"authorId\":\"alice-0123456789ab\","
        + "\"name\":\"Alice\",\"color\":\"#e69f00\"},{\"clientId\":\"bruno-0123456789ab\",\"authorId\":\"bruno-0123456789ab\","
        + "\"name\":\"Bruno L.\",\"color\":\"#009e73\"}]}", renamed);
    assertEquals(first, frames.presence(List.of(alice, bruno), 0));
  }

  @Test
  void aChangeOfTheMemberListIsEncodedOncePerChange() {
    ardoise.pad.PresenceChange change = new ardoise.pad.PresenceChange(List.of(bruno), List.of(alice.clientId()), 0);
    String frame = frames.presenceChanged(change);
    assertSame(frame, frames.presenceChanged(change));
    assertEquals("{\"type\":\"presence\",\"changed\":[{\"clientId\":\"bruno-0123456789ab\",\"authorId\":\"bruno-0123456789ab\","
        + "\"name\":\"Bruno\",\"color\":\"#56b4e9\"}],\"left\":[\"alice-0123456789ab\"],\"viewers\":0}", frame);
    assertNotSame(frame, frames.presenceChanged(new ardoise.pad.PresenceChange(List.of(bruno), List.of(alice.clientId()), 0)));
  }

  @Test
  void aFlushIsOneBatchFrameForEveryoneAndSplitFramesForTheOthers() {
    OpRecord r1 = new OpRecord(4, TextOperation.builder().insert("Oh").retain(3).build(), alice.clientId(), 2, alice.authorId(), 0);
    OpRecord r2 = new OpRecord(5, TextOperation.builder().retain(5).insert("é").build(), bruno.clientId(), 7, bruno.authorId(), 0);
    Broadcast flush = new Broadcast(List.of(r1, r2), List.of(new Broadcast.Cursor(bruno.clientId(), 6, 6)), 5);
    String batch = frames.batch(flush);
    assertSame(batch, frames.batch(flush), "encoded once per flush");
    assertEquals("{\"type\":\"batch\",\"messages\":["
        + "{\"type\":\"op\",\"rev\":4,\"clientId\":\"alice-0123456789ab\",\"authorId\":\"alice-0123456789ab\",\"op\":[\"Oh\",3],\"seq\":2},"
        + "{\"type\":\"op\",\"rev\":5,\"clientId\":\"bruno-0123456789ab\",\"authorId\":\"bruno-0123456789ab\",\"op\":[5,\"é\"],\"seq\":7},"
        + "{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":5,\"anchor\":6,\"head\":6}]}", batch);
    String[] split = frames.split(flush);
    assertSame(split, frames.split(flush));
    assertEquals(List.of(
        "{\"type\":\"op\",\"rev\":4,\"clientId\":\"alice-0123456789ab\",\"authorId\":\"alice-0123456789ab\",\"op\":[\"Oh\",3]}",
        "{\"type\":\"op\",\"rev\":5,\"clientId\":\"bruno-0123456789ab\",\"authorId\":\"bruno-0123456789ab\",\"op\":[5,\"é\"]}",
        "{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":5,\"anchor\":6,\"head\":6}"), List.of(split));
    String viewers = frames.presence(List.of(alice), 2);
    assertEquals("{\"type\":\"presence\",\"members\":[{\"clientId\":\"alice-0123456789ab\",\"authorId\":\"alice-0123456789ab\","
        + "\"name\":\"Alice\",\"color\":\"#e69f00\"}],\"viewers\":2}", viewers);
    Broadcast other = new Broadcast(List.of(r1), List.of(), 4);
    assertNotSame(batch, frames.batch(other));
    assertEquals(1, frames.split(other).length);
  }
}
