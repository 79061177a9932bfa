package ardoise.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pad templates: files {@code NAME.LANG.md} (e.g. {@code minutes.fr.md}), those of the repository's
 * {@code conf/templates} bundled in the jar, then those of the operator's directory
 * ({@code ARDOISE_TEMPLATES_DIR}), where a file of the same name replaces the bundled one. The first
 * line "# ..." is the template's title; {@code {{date}}} becomes today's date in the template's
 * language. Read once at start (blocking, before serving).
 */
public final class Templates {
  public record Template(String id, String language, String title, String text) {}

  private static final String BUNDLED = "conf/templates";

  private final List<Template> all;

  private Templates(List<Template> all) {
    this.all = all;
  }

  /** The bundled templates, then those of {@code operatorDir} (null: none) over them. */
  public static Templates load(Path operatorDir) {
    Map<String, Template> byFile = new TreeMap<>();
    BundledFiles.read(BUNDLED, dir -> readDir(dir, byFile));
    if (operatorDir != null) readDir(operatorDir, byFile);
    return new Templates(List.copyOf(byFile.values()));
  }

  private static void readDir(Path dir, Map<String, Template> byFile) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !parts[2].equals("md") || !parts[0].matches("[a-z0-9-]{1,40}")
            || !parts[1].matches("[a-z]{2}")) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse(parts[0]);
        String title = first.replaceFirst("^#+\\s*", "").replace("{{date}}", "").replaceAll("[\\s—–-]+$", "");
        byFile.put(name, new Template(parts[0], parts[1], title, text));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read templates in " + dir, e);
    }
  }

  /** Templates in {@code language}, or in French when none is in that language. */
  List<Template> list(String language) {
    List<Template> mine = all.stream().filter(t -> t.language().equals(language)).toList();
    return mine.isEmpty() ? all.stream().filter(t -> t.language().equals("fr")).toList() : mine;
  }

  public Optional<Template> find(String id, String language) {
    return list(language).stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The template's text for today. */
  public static String fill(Template template, LocalDate today) {
    Locale locale = template.language().equals("fr") ? Locale.FRENCH : Locale.forLanguageTag(template.language());
    String date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(today);
    return template.text().replace("{{date}}", date);
  }
}
