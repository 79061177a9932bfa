package ardoise.server;

import ardoise.protocol.ClientSecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** History API against texts recorded live, restore, import, templates and saved versions. */
class HistoryRoutesTest {
  private static final String ALPHABET = "abcdé àçœ«»’\n#-*Zoë";
  private final ServerFixture server = ServerFixture.start(Map.of());
  private final HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private static JsonObject person(String authorSecret, String name) {
    return new JsonObject().put("authorSecret", authorSecret).put("name", name).put("color", "#d55e00");
  }

  /** A random op on {@code text}: [pos, insert, -delete, rest] without empty parts. */
  private static List<Object> randomOp(Random random, String text) {
    int pos = random.nextInt(text.length() + 1);
    int delete = text.length() == 0 ? 0 : random.nextInt(Math.min(6, text.length() - pos) + 1);
    StringBuilder insert = new StringBuilder();
    int inserts = delete == 0 ? 1 + random.nextInt(8) : random.nextInt(8);
    for (int i = 0; i < inserts; i++) insert.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    List<Object> op = new ArrayList<>();
    if (pos > 0) op.add(pos);
    if (insert.length() > 0) op.add(insert.toString());
    if (delete > 0) op.add(-delete);
    if (text.length() - pos - delete > 0) op.add(text.length() - pos - delete);
    return op;
  }

  private static String apply(String text, JsonArray op) {
    return OpJson.fromJson(op.getList()).apply(text);
  }

  /** Two clients take turns typing {@code revisions} random ops; returns the text after each revision. */
  private List<String> typeRandomly(String pad, WsClient a, WsClient b, int revisions, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(List.of(""));
    long[] seqs = {0, 0};
    for (int rev = 1; rev <= revisions; rev++) {
      int who = random.nextInt(2);
      WsClient writer = who == 0 ? a : b;
      WsClient reader = who == 0 ? b : a;
      List<Object> op = randomOp(random, texts.get(rev - 1));
      writer.op(rev - 1, ++seqs[who], op.toArray());
      assertEquals(rev, writer.next("ack").getLong("rev"), "seed " + seed);
      texts.add(apply(texts.get(rev - 1), reader.next("op").getJsonArray("op")));
    }
    return texts;
  }

  @Test
  void historyShowsTheTextsRecordedLive() {
    long seed = Long.getLong("ot.seed", System.nanoTime());
    WsClient a = server.connect("histoire");
    WsClient b = server.connect("histoire");
    a.join(ServerFixture.newClientId());
    b.join(ServerFixture.newClientId());
    List<String> texts = typeRandomly("histoire", a, b, 600, seed);
    for (int rev = 0; rev <= 600; rev += rev < 520 ? 13 : 1) {
      JsonObject state = http.get("/api/pads/histoire/history/" + rev).json();
      assertEquals(texts.get(rev), state.getString("text"), "rev " + rev + ", seed " + seed + " (-Dot.seed replays)");
      assertEquals(600L, state.getLong("head"));
      long covered = state.getJsonArray("runs").stream().mapToLong(r -> ((JsonArray) r).getLong(0)).sum();
      assertEquals(texts.get(rev).length(), covered);
      state.getJsonObject("authors").forEach(e -> assertTrue(((JsonObject) e.getValue()).getString("name").startsWith("Test ")));
    }
    String played = "";
    for (long from = 0; from < 600; ) {
      JsonArray ops = http.get("/api/pads/histoire/history?from=" + from + "&to=600").json().getJsonArray("ops");
      for (Object record : ops) {
        played = apply(played, ((JsonObject) record).getJsonArray("op"));
        from = ((JsonObject) record).getLong("rev");
        assertEquals(texts.get((int) from), played, "seed " + seed);
      }
    }
    JsonObject summary = http.get("/api/pads/histoire/history").json();
    assertEquals(600L, summary.getLong("head"));
    assertEquals(600L, http.get("/api/pads/histoire/history?time=" + (System.currentTimeMillis() + 86_400_000L)).json().getLong("rev"));
    assertEquals(0L, http.get("/api/pads/histoire/history?time=0").json().getLong("rev"));
    assertEquals(404, http.get("/api/pads/inconnu/history/0").status());
    assertEquals(400, http.get("/api/pads/histoire/history/601").status());
    assertEquals(400, http.get("/api/pads/histoire/history/x").status());
  }

  @Test
  void restoreAppendsARevisionWithTheOldTextAndLiveEditorsFollow() {
    WsClient a = server.connect("retour");
    WsClient b = server.connect("retour");
    a.join(ServerFixture.newClientId());
    b.join(ServerFixture.newClientId());
    List<String> texts = typeRandomly("retour", a, b, 40, 42);
    String restorer = "restorer-0123456789abcdef";
    JsonObject answer = http.post("/api/pads/retour/restore", person(restorer, "Cécile").put("rev", 7)).json();
    assertEquals(41L, answer.getLong("rev"), answer.encode());
    JsonObject op = a.next("op");
    assertEquals(41L, op.getLong("rev"));
    assertEquals(ClientSecrets.authorId(restorer), op.getString("authorId"));
    assertEquals(texts.get(7), apply(texts.get(40), op.getJsonArray("op")), "a live editor follows");
    assertEquals(texts.get(7), apply(texts.get(40), b.next("op").getJsonArray("op")));
    assertEquals(texts.get(7), http.get("/api/pads/retour/history/41").json().getString("text"));
    assertEquals(texts.get(40), http.get("/api/pads/retour/history/40").json().getString("text"), "history is never rewritten");
    assertEquals(404, http.post("/api/pads/nulle-part/restore", person(restorer, "Cécile").put("rev", 0)).status());
    assertEquals(400, http.post("/api/pads/retour/restore", person(restorer, "Cécile").put("rev", 99)).status());
    assertEquals(400, http.post("/api/pads/retour/restore", person("court", "Cécile").put("rev", 1)).status());
  }

  private static List<List<Object>> runs(JsonObject revision) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < revision.getJsonArray("runs").size(); i++) {
      JsonArray run = revision.getJsonArray("runs").getJsonArray(i);
      out.add(List.of(run.getInteger(0), run.getString(1)));
    }
    return out;
  }

  @Test
  void restoreUndoingTwoSeparatedChangesKeepsTheAuthorsOfTheMiddle() {
    WsClient a = server.connect("separe");
    WsClient b = server.connect("separe");
    String alice = "alice-0123456789abcdef";
    String bruno = "bruno-0123456789abcdef";
    a.join(alice);
    b.join(bruno);
    a.op(0, 1, "Ordre du jour\n");
    a.next("ack");
    b.next("op");
    b.op(1, 1, 14, "1. budget\n2. locaux\n3. fête\n");
    b.next("ack");
    a.next("op");
    a.op(2, 2, 6, -3, 33); // "Ordre jour": a change at the start …
    a.next("ack");
    b.next("op");
    b.op(3, 2, 38, " de fin", 1); // … and one at the end, bruno's lines between them
    b.next("ack");
    String restorer = "restorer-0123456789abcdef";
    assertEquals(5L, http.post("/api/pads/separe/restore", person(restorer, "Cécile").put("rev", 2)).json().getLong("rev"));
    JsonObject restored = http.get("/api/pads/separe/history/5").json();
    assertEquals("Ordre du jour\n1. budget\n2. locaux\n3. fête\n", restored.getString("text"));
    String aliceId = ClientSecrets.clientId(alice);
    String brunoId = ClientSecrets.clientId(bruno);
    assertEquals(List.of(List.of(6, aliceId), List.of(3, ClientSecrets.authorId(restorer)), List.of(5, aliceId), List.of(28, brunoId)), runs(restored),
        "only the restored \"du \" is the restorer's; bruno's lines between the two changes stay his");
  }

  @Test
  void importKeepsTheAuthorsOfUnchangedLines() {
    WsClient a = server.connect("reimport");
    String alice = "alice-0123456789abcdef";
    a.join(alice);
    a.op(0, 1, "# Titre\nune ligne\ndeux lignes\nfin\n");
    a.next("ack");
    String query = "?name=No%C3%ABl&color=%2300aa00";
    assertEquals(200, http.importFile("/api/pads/reimport/import" + query,
        Buffer.buffer("# Titre\nune ligne ajoutée\ndeux lignes\nfin\n"), "text/markdown", "importer-0123456789ab").status());
    String aliceId = ClientSecrets.clientId(alice);
    assertEquals(List.of(List.of(17, aliceId), List.of(8, ClientSecrets.authorId("importer-0123456789ab")), List.of(17, aliceId)),
        runs(http.get("/api/pads/reimport/history/2").json()));
  }

  @Test
  void importReplacesTheTextAsANormalOpAndRefusesBadFiles() {
    WsClient a = server.connect("import");
    a.join(ServerFixture.newClientId());
    a.op(0, 1, "ancien texte");
    a.next("ack");
    String query = "?name=No%C3%ABl&color=%2300aa00";
    HttpCalls.Answer bad = http.importFile("/api/pads/import/import" + query, Buffer.buffer(new byte[] {'o', 'k', (byte) 0xC3, '(', 'x'}), "text/plain", "importer-0123456789ab");
    assertEquals(415, bad.status());
    assertEquals("not-utf8", bad.json().getString("error"));
    assertTrue(bad.json().getString("message").contains("not valid UTF-8"), bad.text());
    HttpCalls.Answer big = http.importFile("/api/pads/import/import" + query, Buffer.buffer(new byte[(1 << 20) + 1]), "text/plain", "importer-0123456789ab");
    assertEquals(413, big.status());
    assertTrue(big.json().getString("message").contains("limit is 1048576 bytes"), big.text());
    HttpCalls.Answer huge = http.importFile("/api/pads/import/import" + query, Buffer.buffer(new byte[5 << 20]), "text/plain", "importer-0123456789ab");
    assertEquals(413, huge.status());
    assertEquals("file-too-large", huge.json().getString("error"));

    String file = "\uFEFF# Importé\r\n\r\nœuvre « 1 » ’ 😀\n";
    HttpCalls.Answer ok = http.importFile("/api/pads/import/import" + query, Buffer.buffer(file), "text/markdown", "importer-0123456789ab");
    assertEquals(200, ok.status(), ok.text());
    JsonObject op = a.next("op");
    assertEquals(ClientSecrets.authorId("importer-0123456789ab"), op.getString("authorId"));
    assertEquals(400, http.post("/api/pads/import/import" + query, Buffer.buffer("x"), "text/plain").status(),
        "an import without its author's secret");
    assertEquals(file.substring(1), apply("ancien texte", op.getJsonArray("op")));
    assertEquals(file.substring(1), http.get("/p/import/export/txt").text());
    assertEquals("ancien texte", http.get("/api/pads/import/history/1").json().getString("text"));
  }

  @Test
  void templatesStartANewPadOnlyOnce() {
    JsonArray list = http.get("/api/templates?lang=en").json().getJsonArray("templates");
    assertEquals("minutes", list.getJsonObject(0).getString("id"));
    assertEquals("Meeting minutes", list.getJsonObject(0).getString("title"));
    JsonObject body = person("facilitator-0123456789", "Zoë").put("template", "minutes").put("lang", "fr");
    assertEquals(1L, http.post("/api/pads/atelier/from-template", body).json().getLong("rev"));
    String text = http.get("/p/atelier/export/txt").text();
    assertTrue(text.startsWith("# Compte rendu — "), text);
    assertTrue(text.contains("## Décisions") && text.contains("| Action | Responsable | Échéance |"), text);
    assertTrue(!text.contains("{{date}}"));
    JsonObject first = http.get("/api/pads/atelier/history/1").json();
    assertEquals(List.of(List.of(text.length(), "")), runs(first), "the template's text is nobody's");
    assertEquals(new JsonObject(), first.getJsonObject("authors"));
    assertEquals(new JsonObject(), http.get("/api/pads/atelier/authors").json().getJsonObject("authors"),
        "the facilitator who chose the template is no author of it");
    String html = http.get("/p/atelier/export/html?authors=1").text();
    assertTrue(!html.contains("Zoë") && !html.contains("class=\"a0\""), "no contributor, no coloured text: " + html);
    HttpCalls.Answer again = http.post("/api/pads/atelier/from-template", body);
    assertEquals(409, again.status());
    assertEquals("the pad is not empty", again.json().getString("message"));
    assertEquals(404, http.post("/api/pads/x/from-template", body.copy().put("template", "nope")).status());
  }

  @Test
  void savedVersionsAreListed() {
    WsClient a = server.connect("versions");
    a.join(ServerFixture.newClientId());
    a.op(0, 1, "v1");
    a.next("ack");
    JsonObject who = person("saver-0123456789abcd", "Zoë");
    assertEquals(200, http.post("/api/pads/versions/versions", who.copy().put("rev", 1).put("label", "Avant la pause")).status());
    assertEquals(200, http.post("/api/pads/versions/versions", who.copy().put("rev", 0).put("label", "Début")).status());
    JsonArray versions = http.get("/api/pads/versions/versions").json().getJsonArray("versions");
    assertEquals(List.of("Début", "Avant la pause"), versions.stream().map(v -> ((JsonObject) v).getString("label")).toList());
    assertEquals(400, http.post("/api/pads/versions/versions", who.copy().put("rev", 5).put("label", "x")).status());
    assertEquals(400, http.post("/api/pads/versions/versions", who.copy().put("rev", 1).put("label", " ")).status());
    assertEquals(400, http.post("/api/pads/versions/versions", Buffer.buffer("pas du json"), "application/json").status());
  }
}
