package ardoise.http.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The zip container of DOCX and ODT files, written in memory, parts in the order added. */
final class ZipParts {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
  private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);

  /** An uncompressed part: ODF requires its "mimetype" to be stored, first, so tools can sniff it. */
  ZipParts stored(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    return write(entry, data);
  }

  ZipParts deflated(String name, String content) {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.DEFLATED);
    return write(entry, content.getBytes(StandardCharsets.UTF_8));
  }

  private ZipParts write(ZipEntry entry, byte[] data) {
    try {
      zip.putNextEntry(entry);
      zip.write(data);
      zip.closeEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
  }

  byte[] finish() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
