package ardoise.http.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;

/**
 * The fonts shipped in resources/ardoise/fonts (see the LICENSE files there): DejaVu Sans in four
 * styles and DejaVu Sans Mono for text (Latin with every French accent, Greek, Cyrillic, many
 * symbols), and Symbola, a monochrome font with nearly all emoji, as the last fallback. A PDF never
 * depends on fonts installed on the server; only the glyphs used are embedded (subsetting).
 * The files are read once per process; the bytes are shared read-only between threads.
 */
final class EmbeddedFonts {
  private static final String DIR = "/ardoise/fonts/";

  private record Face(String file, String family, int weight, FontStyle style) {}

  private static final Face[] FACES = {
    new Face("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
    new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
    new Face("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
    new Face("DejaVuSans-BoldOblique.ttf", "DejaVu Sans", 700, FontStyle.ITALIC),
    new Face("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL),
  };
  private static final Face EMOJI = new Face("Symbola.ttf", "Symbola", 400, FontStyle.NORMAL);

  private static volatile byte[][] loaded;

  private EmbeddedFonts() {}

  static void register(PdfRendererBuilder builder) {
    byte[][] bytes = bytes();
    for (int i = 0; i < FACES.length; i++) {
      byte[] font = bytes[i];
      builder.useFont(() -> new ByteArrayInputStream(font), FACES[i].family(), FACES[i].weight(), FACES[i].style(), true);
    }
    byte[] emoji = bytes[FACES.length];
    builder.useFont(() -> new ByteArrayInputStream(emoji), EMOJI.family(), EMOJI.weight(), EMOJI.style(), true,
        EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL));
  }

  private static byte[][] bytes() {
    byte[][] fonts = loaded;
    if (fonts == null) {
      fonts = new byte[FACES.length + 1][];
      for (int i = 0; i < FACES.length; i++) fonts[i] = read(FACES[i].file());
      fonts[FACES.length] = read(EMOJI.file());
      loaded = fonts; // racing loaders read the same files: harmless
    }
    return fonts;
  }

  private static byte[] read(String file) {
    try (InputStream in = EmbeddedFonts.class.getResourceAsStream(DIR + file)) {
      if (in == null) throw new IllegalStateException("font " + DIR + file + " is missing from the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
