package ardoise.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ardoise.ot.TextOperation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private static final String SECRET = "abcdefghijklmnop";
  private static final String ID = ClientSecrets.clientId(SECRET);

  @Test
  void decodesEachMessage() throws Exception {
    assertEquals(new ClientMessage.Join(ID, "Zoé", "#aabbcc", ID, 3L),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"name\":\" Zoé \",\"color\":\"#AABBCC\",\"rev\":3,\"future\":1}"));
    ClientMessage.Join noRev = (ClientMessage.Join) FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"name\":\"a\"}");
    assertNull(noRev.rev());
    assertEquals(false, noRev.batch());
    assertEquals(false, noRev.presenceChanges());
    assertEquals(new ClientMessage.Join(ID, "a", null, ID, null, true, null, null, true),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"name\":\"a\",\"batch\":true,\"presenceChanges\":true}"));
    assertEquals(new ClientMessage.Join(ID, "a", null, ID, null, true),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"name\":\"a\",\"batch\":true}"));
    assertEquals(new ClientMessage.Join(ID, "a", null, ID, null, false, "#0b57d0"),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"name\":\"a\",\"preferredColor\":\"#0B57D0\"}"));
    // The ids are the secrets' (ClientSecrets): naming them as well is allowed when they match.
    String author = ClientSecrets.authorId("qrstuvwxyz0123456");
    assertEquals(new ClientMessage.Join(ID, "a", null, author, null),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"clientId\":\"" + ID
            + "\",\"authorSecret\":\"qrstuvwxyz0123456\",\"authorId\":\"" + author + "\",\"name\":\"a\"}"));
    assertEquals(new ClientMessage.Join(ID, "a", null, ID, null),
        FrameDecoder.decode("{\"type\":\"join\",\"secret\":\"" + SECRET + "\",\"authorId\":\"" + ID + "\",\"name\":\"a\"}"));
    assertEquals(new ClientMessage.Op(2, 1, TextOperation.builder().retain(1).insert("x").delete(2).build()),
        FrameDecoder.decode("{\"type\":\"op\",\"rev\":2,\"seq\":1,\"op\":[1,\"x\",-2]}"));
    assertEquals(new ClientMessage.Cursor(5, 1, 2), FrameDecoder.decode("{\"type\":\"cursor\",\"rev\":5,\"anchor\":1,\"head\":2}"));
    assertEquals(new ClientMessage.Profile("Léa", "#010203"), FrameDecoder.decode("{\"type\":\"profile\",\"name\":\"Léa\",\"color\":\"#010203\"}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{|bad-json",
    "{\"type\":\"op\"}{}|bad-json",
    "{\"type\":\"op\",\"type\":\"join\"}|bad-json",
    "{'type':'op'}|bad-json",
    "[]|bad-message",
    "\"join\"|bad-message",
    "null|bad-message",
    "{\"type\":1}|bad-message",
    "{\"type\":\"nope\"}|bad-message",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"preferredColor\":\"red\"}|bad-message",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"batch\":\"yes\"}|bad-message",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"batch\":1}|bad-message",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"presenceChanges\":\"true\"}|bad-message",
    "{\"type\":\"op\",\"rev\":1,\"seq\":0,\"op\":[]}|bad-message",
    "{\"type\":\"op\",\"rev\":9007199254740992,\"seq\":1,\"op\":[]}|bad-message",
    "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":{}}|bad-message",
    "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[0]}|bad-op",
    "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[1.5]}|bad-op",
    "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[true]}|bad-op",
    "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[\"\"]}|bad-op",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"clientId\":\"short\",\"name\":\"a\"}|bad-client-id",
    "{\"type\":\"join\",\"clientId\":\"abcdefghijklmnop\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"short\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":42,\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"clientId\":\"abcdefghijklmnop\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"authorId\":\"someone-elses-author-id\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"authorSecret\":\"qrstuvwxyz0123456\",\"authorId\":\"someone-elses-author-id\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"authorSecret\":\"tiny\",\"name\":\"a\"}|bad-client-secret",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"authorId\":\"x\"}|bad-client-id",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"\\u0007\"}|bad-name",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"color\":\"red\"}|bad-message",
    "{\"type\":\"join\",\"secret\":\"abcdefghijklmnop\",\"name\":\"a\",\"rev\":-1}|bad-message",
    "{\"type\":\"cursor\",\"rev\":1,\"anchor\":2147483648,\"head\":0}|bad-message",
    "{\"type\":\"chat\"}|bad-message",
    "{\"type\":\"chat\",\"text\":42}|bad-message",
    "{\"type\":\"chat\",\"text\":[\"a\"]}|bad-message",
    "{\"type\":\"chat\",\"text\":\" \\n \"}|bad-message",
    "{\"type\":\"chat\",\"text\":\"a\\u0007b\"}|bad-message",
    "{\"type\":\"chat\",\"text\":\"a\\ud800b\"}|bad-message",
  })
  void refusesWithStableCodes(String frame, String code) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> FrameDecoder.decode(frame));
    assertEquals(code, e.code().code());
  }

  @Test
  void decodesChatUpToItsLimit() throws Exception {
    assertEquals(new ClientMessage.Chat("Pause à 10 h ?\n<img src=x onerror=alert(1)>\t😀"),
        FrameDecoder.decode("{\"type\":\"chat\",\"text\":\"Pause à 10 h ?\\n<img src=x onerror=alert(1)>\\t😀\"}"));
    String limit = "é".repeat(FrameDecoder.DEFAULT_CHAT_MAX_CHARS);
    assertEquals(new ClientMessage.Chat(limit), FrameDecoder.decode("{\"type\":\"chat\",\"text\":\"" + limit + "\"}"));
    ProtocolException tooLong = assertThrows(ProtocolException.class,
        () -> FrameDecoder.decode("{\"type\":\"chat\",\"text\":\"" + limit + "e\"}"));
    assertEquals("chat-too-long", tooLong.code().code());
    // The limit counts UTF-16 code units, like the page's maxlength: an emoji is two.
    assertEquals("chat-too-long", assertThrows(ProtocolException.class,
        () -> FrameDecoder.decode("{\"type\":\"chat\",\"text\":\"😀😀\"}", 3)).code().code());
    assertEquals(new ClientMessage.Chat("😀a"), FrameDecoder.decode("{\"type\":\"chat\",\"text\":\"😀a\"}", 3));
  }

  @Test
  void errorCodesAreKebabCase() {
    assertEquals("too-many-connections", ErrorCode.TOO_MANY_CONNECTIONS.code());
    for (ErrorCode c : ErrorCode.values()) assertEquals(c.code(), c.code().toLowerCase());
  }
}
