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
class FramesTest {
  private final Frames frames = new Frames();
  private final MemberInfo alice = new MemberInfo("alice-0123456789ab", "alice-0123456789ab", "Alice", "#e69f00");
  private final MemberInfo bruno = new MemberInfo("bruno-0123456789ab", "bruno-0123456789ab", "Bruno", "#56b4e9");

  @Test
  void presenceIsEncodedOncePerMemberList() {
    List<MemberInfo> one = List.of(alice, bruno);
    String first = frames.presence(one);
    assertSame(first, frames.presence(one));
    String renamed = frames.presence(List.of(alice, new MemberInfo(bruno.clientId(), bruno.authorId(), "Bruno L.", "#009e73")));
    assertEquals("{\"type\":\"presence\",\"members\":[{\"clientId\":\"alice-0123456789ab\",\"authorId\":\"alice-0123456789ab\","
        + "\"name\":\"Alice\",\"color\":\"#e69f00\"},{\"clientId\":\"bruno-0123456789ab\",\"authorId\":\"bruno-0123456789ab\","
        + "\"name\":\"Bruno L.\",\"color\":\"#009e73\"}]}", renamed);
    assertEquals(first, frames.presence(List.of(alice, bruno)));
  }

  @Test
  void cursorIsEncodedOncePerBroadcast() {
    String a = frames.cursor(alice.clientId(), 3, 4, 11);
    assertSame(a, frames.cursor(alice.clientId(), 3, 4, 11));
    assertEquals("{\"type\":\"cursor\",\"clientId\":\"alice-0123456789ab\",\"rev\":3,\"anchor\":4,\"head\":11}", a);
    String b = frames.cursor(bruno.clientId(), 3, 4, 11);
    assertNotSame(a, b);
    assertEquals("{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":3,\"anchor\":4,\"head\":11}", b);
    assertEquals("{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":4,\"anchor\":4,\"head\":11}",
        frames.cursor(bruno.clientId(), 4, 4, 11));
    assertEquals("{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":4,\"anchor\":5,\"head\":11}",
        frames.cursor(bruno.clientId(), 4, 5, 11));
    assertEquals("{\"type\":\"cursor\",\"clientId\":\"bruno-0123456789ab\",\"rev\":4,\"anchor\":5,\"head\":12}",
        frames.cursor(bruno.clientId(), 4, 5, 12));
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
    assertEquals(List.of(frames.op(r1), frames.op(r2), frames.cursor(bruno.clientId(), 5, 6, 6)), List.of(split));
    Broadcast other = new Broadcast(List.of(r1), List.of(), 4);
    assertNotSame(batch, frames.batch(other));
    assertEquals(1, frames.split(other).length);
  }
}
