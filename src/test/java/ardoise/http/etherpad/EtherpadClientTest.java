package ardoise.http.etherpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.api.Author;
import ardoise.server.ServerFixture;
import ardoise.server.WsClient;
import ardoise.store.redis.RedisLauncher;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.gjerull.etherpad.client.EPLiteClient;
import net.gjerull.etherpad.client.EPLiteConnection;
import net.gjerull.etherpad.client.EPLiteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Etherpad's own Java client (net.gjerull.etherpad:etherpad_lite_client, written for Etherpad, not
 * for Ardoise) drives a running Ardoise on a real redis-server, one test per function family. It
 * speaks API version 1.2.13, GETs reads and POSTs writes with the key in the form.
 */
@Tag("redis")
class EtherpadClientTest {
  static final String READER = "reader-secret-0123456789";
  static final String WRITER = "writer-secret-0123456789";
  static final String ADMIN = "admin-secret-01234567890";
  private static final AtomicInteger PADS = new AtomicInteger();

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  static ServerFixture server;
  static EPLiteClient reader;
  static EPLiteClient writer;
  static EPLiteClient admin;
  static String url;

  @BeforeAll
  static void start() {
    server = ServerFixture.startWithItsOwnStore(Map.of("ARDOISE_REDIS_URL", redis.url(), "ARDOISE_API_KEYS",
        "bot:read:" + READER + ",moodle:write:" + WRITER + ",archive:admin:" + ADMIN));
    url = "http://127.0.0.1:" + server.app.port();
    reader = new EPLiteClient(url, READER);
    writer = new EPLiteClient(url, WRITER);
    admin = new EPLiteClient(url, ADMIN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String newPad() {
    return "etherpad-" + PADS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
  }

  @Test
  void createPadGetTextAndSetTextKeepEtherpadsFinalNewline() {
    String pad = newPad();
    writer.createPad(pad, "Bonjour à tous\n");
    assertEquals("Bonjour à tous\n", reader.getText(pad).get("text"));
    assertEquals(1L, reader.getRevisionsCount(pad).get("revisions"));
    writer.setText(pad, "Ordre du jour : <b>café</b> & thé");
    assertEquals("Ordre du jour : <b>café</b> & thé\n", reader.getText(pad).get("text"));
    // Reading a pad and writing the text back changes nothing: one final newline is Etherpad's, not the pad's.
    writer.setText(pad, (String) reader.getText(pad).get("text"));
    assertEquals("Ordre du jour : <b>café</b> & thé\n", reader.getText(pad).get("text"));
    assertEquals("Bonjour à tous\n", reader.getText(pad, 1).get("text"));
    assertEquals("\n", reader.getText(pad, 0).get("text"));
    EPLiteException higher = assertThrows(EPLiteException.class, () -> reader.getText(pad, 99));
    assertEquals("rev is higher than the head revision of the pad", higher.getMessage());
    EPLiteException twice = assertThrows(EPLiteException.class, () -> writer.createPad(pad));
    assertEquals("padID does already exist", twice.getMessage());
  }

  @Test
  void aPadCreatedWithoutTextIsWrittenByItsFirstEdit() {
    String pad = newPad();
    writer.createPad(pad);
    assertEquals("padID does already exist", assertThrows(EPLiteException.class, () -> writer.createPad(pad)).getMessage());
    // Ardoise counts a pad nobody wrote in as not there yet (Etherpad would answer "\n" at revision 0).
    assertEquals("padID does not exist", assertThrows(EPLiteException.class, () -> reader.getText(pad)).getMessage());
    writer.setText(pad, "Première ligne\n");
    assertEquals("Première ligne\n", reader.getText(pad).get("text"));
    assertEquals(1L, reader.getRevisionsCount(pad).get("revisions"));
    String other = newPad();
    writer.createPad(other);
    writer.appendText(other, "ajouté");
    assertEquals("ajouté\n", reader.getText(other).get("text"));
    assertEquals("padID does not exist", assertThrows(EPLiteException.class, () -> writer.setText(newPad(), "x")).getMessage());
  }

  @Test
  void appendTextWritesBeforeTheFinalNewline() {
    String pad = newPad();
    writer.createPad(pad, "Présents : Ana");
    writer.appendText(pad, ", Bo");
    writer.appendText(pad, "\nDécisions :");
    assertEquals("Présents : Ana, Bo\nDécisions :\n", reader.getText(pad).get("text"));
    assertEquals(3L, reader.getRevisionsCount(pad).get("revisions"));
  }

  @Test
  void getHtmlIsAnEscapedDocument() {
    String pad = newPad();
    writer.createPad(pad, "# Titre\n\n<script>alert(1)</script> & fin");
    String html = (String) reader.getHTML(pad).get("html");
    assertTrue(html.startsWith("<!DOCTYPE HTML><html><body>") && html.endsWith("</body></html>"), html);
    assertTrue(html.contains("Titre"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("<script>"), html);
    writer.setText(pad, "autre");
    assertTrue(((String) reader.getHTML(pad, 1).get("html")).contains("Titre"));
    assertFalse(((String) reader.getHTML(pad).get("html")).contains("Titre"));
  }

  @Test
  void revisionsCountAndLastEditedInMilliseconds() {
    String pad = newPad();
    long before = System.currentTimeMillis();
    writer.createPad(pad, "un");
    writer.appendText(pad, " deux");
    long after = System.currentTimeMillis();
    assertEquals(2L, reader.getRevisionsCount(pad).get("revisions"));
    long lastEdited = (Long) reader.getLastEdited(pad).get("lastEdited");
    assertTrue(lastEdited >= before - 1000 && lastEdited <= after + 1000, before + " " + lastEdited + " " + after);
    EPLiteException missing = assertThrows(EPLiteException.class, () -> reader.getRevisionsCount(newPad()));
    assertEquals("padID does not exist", missing.getMessage());
  }

  @Test
  void deletePadNeedsAnAdminKey() {
    String pad = newPad();
    writer.createPad(pad, "à effacer");
    assertThrows(EPLiteException.class, () -> writer.deletePad(pad));
    assertEquals("à effacer\n", reader.getText(pad).get("text"));
    admin.deletePad(pad);
    assertEquals("padID does not exist", assertThrows(EPLiteException.class, () -> reader.getText(pad)).getMessage());
    assertEquals("padID does not exist", assertThrows(EPLiteException.class, () -> admin.deletePad(newPad())).getMessage());
  }

  @Test
  void getReadOnlyIdOpensThePadReadOnly() {
    String pad = newPad();
    writer.createPad(pad, "lecture seule");
    String id = (String) reader.getReadOnlyID(pad).get("readOnlyID");
    assertEquals(id, reader.getReadOnlyID(pad).get("readOnlyID"));
    assertEquals(200, server.get("/r/" + id).status());
    assertFalse(id.contains(pad));
  }

  @Test
  void listAllPadsNeedsAnAdminKeyAndListsWrittenPads() {
    String a = newPad();
    String b = newPad();
    writer.createPad(a, "a");
    writer.createPad(b, "b");
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) admin.listAllPads().get("padIDs");
    assertTrue(ids.containsAll(List.of(a, b)), ids.toString());
    assertEquals(ids.stream().sorted().toList(), ids);
    assertThrows(EPLiteException.class, () -> writer.listAllPads());
  }

  @Test
  void padUsersListsWhoIsConnectedNow() {
    String pad = newPad();
    writer.createPad(pad, "réunion");
    assertEquals(0L, reader.padUsersCount(pad).get("padUsersCount"));
    WsClient alice = server.connect(pad);
    JsonObject joined = alice.join("alice-" + ServerFixture.newClientId());
    assertEquals(1L, reader.padUsersCount(pad).get("padUsersCount"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> users = (List<Map<String, Object>>) reader.padUsers(pad).get("padUsers");
    assertEquals(1, users.size());
    Map<String, Object> user = users.get(0);
    assertTrue(((String) user.get("name")).startsWith("Test "), user.toString());
    assertTrue(((String) user.get("colorId")).matches("#[0-9a-f]{6}"), user.toString());
    assertEquals(joined.getString("authorId"), user.get("id"));
    assertTrue(Math.abs((Long) user.get("timestamp") - System.currentTimeMillis()) < 60_000);
    alice.close();
    ardoise.testing.Eventually.until("alice has left", () -> (Long) reader.padUsersCount(pad).get("padUsersCount") == 0L);
  }

  @Test
  void checkTokenTellsAGoodKeyFromABadOne() {
    reader.checkToken();
    writer.checkToken();
    admin.checkToken();
    assertThrows(EPLiteException.class, () -> new EPLiteClient(url, "not-a-key-0123456789").checkToken());
    assertThrows(EPLiteException.class, () -> reader.createPad(newPad()));
  }

  @Test
  void savedRevisionsAreListedAndRestored() {
    String pad = newPad();
    writer.createPad(pad, "version une");
    writer.saveRevision(pad);
    writer.setText(pad, "version deux");
    writer.saveRevision(pad, 0);
    assertEquals(List.of(0L, 1L), reader.listSavedRevisions(pad).get("savedRevisions"));
    assertEquals(2L, reader.getSavedRevisionsCount(pad).get("savedRevisions"));
    // restoreRevision arrived in 1.2.11; this client has no method for it: its connection calls it by name.
    EPLiteConnection connection = new EPLiteConnection(url, WRITER, "1.2.13", "UTF-8");
    Map<String, Object> args = new HashMap<>(Map.of("padID", pad, "rev", 1));
    connection.post("restoreRevision", args);
    assertEquals("version une\n", reader.getText(pad).get("text"));
    assertEquals(3L, reader.getRevisionsCount(pad).get("revisions"));
    assertEquals("version deux\n", reader.getText(pad, 2).get("text"));
  }

  @Test
  void createDiffHtmlMarksWhatChanged() {
    String pad = newPad();
    writer.createPad(pad, "Ordre du jour\nLe café est <froid>\nFin");
    writer.setText(pad, "Ordre du jour\nLe chocolat est <froid>\nFin");
    String html = (String) reader.createDiffHTML(pad, 1, 2).get("html");
    assertTrue(html.startsWith(DiffHtml.STYLE + "Ordre du jour<br>Le c"), html);
    assertTrue(html.contains("<span class=\"removed\">afé</span><span class=\"added\">hocolat</span> est &lt;froid&gt;<br>Fin"), html);
    assertThrows(EPLiteException.class, () -> reader.createDiffHTML(pad, 1, 9));
  }

  @Test
  void apiEditsAreLiveAndSignedWithTheKeysName() {
    String pad = newPad();
    writer.createPad(pad, "début");
    WsClient bob = server.connect(pad);
    bob.join("bob-" + ServerFixture.newClientId());
    writer.appendText(pad, " et suite");
    JsonObject op = bob.next("op");
    assertEquals(Author.of("moodle", null).authorId(), op.getString("authorId"));
    assertEquals("début et suite\n", reader.getText(pad).get("text"));
  }
}
