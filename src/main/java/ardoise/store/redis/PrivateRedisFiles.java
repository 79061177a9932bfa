package ardoise.store.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * What keeps the zero-config redis-server to Ardoise alone, written in its data directory: a random
 * password ({@value #PASSWORD}, 192 bits, made once and kept across restarts), and a configuration
 * file ({@value #CONFIG}) that requires it and removes CONFIG, DEBUG and MODULE (with which any
 * client could make Redis write files anywhere as our user, or run code). The directory is 0700 and
 * the files 0600, so other local users can read neither pads nor password. Secrets never go on the
 * command line, which every local user can read in /proc.
 */
final class PrivateRedisFiles {
  static final String PASSWORD = "redis.password";
  static final String CONFIG = "redis.conf";
  static final Set<String> DISABLED_COMMANDS = Set.of("CONFIG", "DEBUG", "MODULE");
  private static final int PASSWORD_BYTES = 24;
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String password;
  private final Path config;

  private PrivateRedisFiles(String password, Path config) {
    this.password = password;
    this.config = config;
  }

  /** Locks {@code dataDir} down and writes (or reuses) the password and the configuration file. */
  static PrivateRedisFiles prepare(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    restrict(dataDir, OWNER_ONLY_DIR);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir)) {
      for (Path file : files) if (Files.isRegularFile(file)) restrict(file, OWNER_ONLY_FILE);
    }
    Path passwordFile = dataDir.resolve(PASSWORD);
    String password = Files.exists(passwordFile) ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip() : "";
    if (password.length() < 22) { // fewer than 128 bits: a file damaged or written by hand
      byte[] bytes = new byte[PASSWORD_BYTES];
      RANDOM.nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      writePrivate(passwordFile, password + "\n");
    }
    StringBuilder conf = new StringBuilder("# Written by Ardoise at each start; edits are overwritten.\n");
    conf.append("requirepass ").append(password).append('\n');
    for (String command : DISABLED_COMMANDS) conf.append("rename-command ").append(command).append(" \"\"\n");
    Path config = dataDir.resolve(CONFIG);
    writePrivate(config, conf.toString());
    return new PrivateRedisFiles(password, config);
  }

  String password() {
    return password;
  }

  Path config() {
    return config;
  }

  /** Makes {@code file} readable by its owner only (where the file system has POSIX permissions). */
  static void ownerOnly(Path file) throws IOException {
    restrict(file, OWNER_ONLY_FILE);
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      restrict(temp, OWNER_ONLY_FILE);
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
