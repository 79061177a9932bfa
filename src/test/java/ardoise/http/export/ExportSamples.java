package ardoise.http.export;

import ardoise.ot.AuthorRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pad texts the export tests share: French minutes with every structure, hostile text, a long document. */
final class ExportSamples {
  private ExportSamples() {}

  static final Instant TIME = Instant.parse("2026-11-23T10:15:00Z");
  static final String LONG_WORD = "https://exemple.fr/" + "tres-long-chemin-sans-espace-".repeat(12) + "fin";

  static final String MINUTES_FIRST_PART = """
      # Compte rendu de l’atelier « Forêt »

      Réunion à Besançon — **présents** : Zoë, François, Cécile 🎉
      Deuxième ligne du même paragraphe, œuvre à l’été
      """;

  static final String MINUTES_SECOND_PART = """

      ## Ordre du jour

      1. Accueil des participants
      2. Bilan de l’été : œuvres & façades
      3. Décisions

      - point *important* à suivre
      - [lien vers le site](https://exemple.fr/ete)

      | Action | Responsable | Échéance |
      |:-------|:-----------:|---------:|
      | Réserver la salle | Noël | 1er décembre |
      | Écrire le compte rendu | Cécile | demain |

      > « Citation » d’un participant

      Emoji : 😀 👍 ❤️ fin.
      """ + LONG_WORD + "\n";

  static final String MINUTES = MINUTES_FIRST_PART + MINUTES_SECOND_PART;

  /** Phrases every rich export must contain, exactly. */
  static final List<String> MINUTES_PHRASES = List.of(
      "Compte rendu de l’atelier « Forêt »", "Réunion à Besançon — présents : Zoë, François, Cécile",
      "Deuxième ligne du même paragraphe, œuvre à l’été", "Ordre du jour", "Accueil des participants",
      "Bilan de l’été : œuvres & façades", "point important à suivre", "lien vers le site",
      "Réserver la salle", "Échéance", "1er décembre", "« Citation » d’un participant", "Emoji : 😀 👍");

  static final String HOSTILE = """
      # Titre <script>document.title='pwned';alert(1)</script>

      <script>document.title='pwned';alert(1)</script>

      Texte <img src=x onerror="document.title='pwned';alert(1)"> et <b onclick="alert(1)">gras</b>.

      [clic](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
      [espace]( javascript:alert(1)) [entité](&#106;avascript:alert(1)) [vb](vbscript:msgbox(1))
      <a href="javascript:alert(1)">lien brut</a>

      <div onmouseover="alert(1)"><iframe src="javascript:alert(1)"></iframe></div>

      <svg onload=alert(1)></svg><style>body{display:none}</style>
      """;

  /** Keeps a copy in target/exports for people to open (the tests never read it back from there). */
  static byte[] saved(String name, byte[] bytes) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "exports");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name), bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ExportInput input(String text, ExportOptions options) {
    return new ExportInput("réunion-équipe", 42, TIME, text, List.of(new AuthorRun(text.length(), "alice")),
        Map.of("alice", new Contributor("Alice Dupré", "#e06c75")), options);
  }

  /** MINUTES with the first part written by Alice and the rest by Bob. */
  static ExportInput twoAuthors(ExportOptions options) {
    List<AuthorRun> runs = new ArrayList<>();
    runs.add(new AuthorRun(MINUTES_FIRST_PART.length(), "alice"));
    runs.add(new AuthorRun(MINUTES_SECOND_PART.length(), "bob"));
    return new ExportInput("réunion-équipe", 42, TIME, MINUTES, runs,
        Map.of("alice", new Contributor("Alice Dupré", "#e06c75"), "bob", new Contributor("Bob « B » Noël", "#61afef")),
        options);
  }

  /** About {@code pages} A4 pages of headings, paragraphs, lists and tables. */
  static String longDocument(int pages) {
    StringBuilder text = new StringBuilder();
    for (int section = 1; section <= pages * 2; section++) {
      text.append("## Section ").append(section).append(" : décisions prises à l’unanimité\n\n");
      for (int p = 0; p < 3; p++) {
        text.append("Paragraphe ").append(p).append(" de la section ").append(section)
            .append(" : « les participants ont élaboré un plan d’action précis », dit François. ")
            .append("Cœur du sujet, façades, œuvres, élèves ; on y revient après la pause déjeuner.\n\n");
      }
      text.append("- premier point à traiter\n- second point, *urgent*\n- troisième point, **validé**\n\n");
      text.append("| Qui | Quoi | Quand |\n|---|---|---|\n| Zoë | relire | lundi |\n| Noël | publier | mardi |\n\n");
    }
    return text.toString();
  }
}
