package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.bench.load.ArdoiseClient.Message;
import ardoise.ot.TextOperation;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The load generator reads Ardoise's frames (docs/protocol.md) as a stream, without a JSON tree:
 * a batch's messages in order with their ops, whatever the order of fields, skipping what it does
 * not use; and once per thread for every client that receives the same bytes.
 */
class ArdoiseFrameDecodingTest {
  @Test
  void aBatchGivesItsMessagesInOrderWithTheirOps() {
    Message[] ms = ArdoiseClient.messages(Buffer.buffer("""
        {"type":"batch","messages":[
          {"type":"op","rev":7,"clientId":"c-1","seq":3,"op":[2,"ab",-1,4],"authorId":"a-1"},
          {"type":"op","op":["x",9],"clientId":"c-2","rev":8,"seq":1},
          {"type":"cursor","clientId":"c-1","rev":8,"anchor":3,"head":3,"extra":{"nested":[1,[2,{"d":3}]]}}
        ]}"""));
    assertEquals(3, ms.length);
    for (Message m : ms) assertTrue(m.inBatch);
    assertEquals("op", ms[0].type);
    assertEquals(7, ms[0].rev);
    assertEquals(3, ms[0].seq);
    assertEquals("c-1", ms[0].clientId);
    assertEquals(TextOperation.builder().retain(2).insert("ab").delete(1).retain(4).build(), ms[0].op);
    assertEquals(8, ms[1].rev);
    assertEquals("c-2", ms[1].clientId);
    assertEquals(TextOperation.builder().insert("x").retain(9).build(), ms[1].op);
    assertEquals("cursor", ms[2].type);
    assertNull(ms[2].op);
  }

  @Test
  void aSingleMessageIsOneMessageOutsideAnyBatch() {
    Message[] ms = ArdoiseClient.messages(Buffer.buffer("{\"seq\":5,\"rev\":12,\"type\":\"ack\"}"));
    assertEquals(1, ms.length);
    assertEquals("ack", ms[0].type);
    assertEquals(12, ms[0].rev);
    assertEquals(5, ms[0].seq);
    assertTrue(!ms[0].inBatch);
  }

  @Test
  void anErrorKeepsTheWholeFrameToReport() {
    String frame = "{\"type\":\"error\",\"code\":\"bad-op\",\"message\":\"an op for 3 characters on 4\"}";
    Message[] ms = ArdoiseClient.messages(Buffer.buffer(frame));
    assertEquals("error", ms[0].type);
    assertEquals(frame, ms[0].text);
  }

  @Test
  void theSameBytesAreDecodedOncePerThreadAndShared() {
    String frame = "{\"type\":\"batch\",\"messages\":[{\"type\":\"op\",\"rev\":1,\"clientId\":\"c\",\"seq\":1,\"op\":[\"é\"]}]}";
    Message[] first = ArdoiseClient.messages(Buffer.buffer(frame));
    ArdoiseClient.messages(Buffer.buffer("{\"type\":\"pong\"}")); // another frame in between
    assertSame(first, ArdoiseClient.messages(Buffer.buffer(frame)));
    assertEquals(TextOperation.builder().insert("é").build(), first[0].op);
  }

  @Test
  void aFrameThatBreaksTheProtocolIsRefused() {
    assertThrows(IllegalStateException.class, () -> ArdoiseClient.messages(Buffer.buffer("{\"type\":\"op\",\"rev\":1}")));
    assertThrows(IllegalStateException.class, () -> ArdoiseClient.messages(Buffer.buffer("{\"rev\":1}")));
    assertThrows(IllegalStateException.class, () -> ArdoiseClient.messages(Buffer.buffer("{\"type\":\"op\",\"op\":[1,{\"d\":2}]}")));
    assertThrows(IllegalStateException.class, () -> ArdoiseClient.messages(Buffer.buffer("[1,2]")));
  }
}
