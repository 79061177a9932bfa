package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zero-config redis-server is Ardoise's alone, whichever binary runs it (the system's
 * redis-server 7 when installed, and the 6.2 bundled in the embedded-redis jar): another local
 * process that finds its port gets NOAUTH, cannot use CONFIG/DEBUG/MODULE even with the password,
 * cannot read the password from the command line, nor the files (directory 0700, files 0600).
 */
@Tag("redis")
class PrivateEmbeddedRedisTest {

  static Stream<File> binaries() throws IOException {
    List<File> binaries = new ArrayList<>();
    binaries.add(RedisLauncher.bundledExecutable());
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        binaries.add(candidate);
        break;
      }
    }
    return binaries.stream();
  }

  @ParameterizedTest
  @MethodSource("binaries")
  void onlyArdoiseCanUseIt(File binary) throws Exception {
    Path dataDir = Files.createTempDirectory("ardoise-private-");
    EmbeddedRedis redis = EmbeddedRedis.start(dataDir, RedisLauncher.Fsync.ALWAYS, binary);
    try {
      String password = Files.readString(dataDir.resolve(PrivateRedisFiles.PASSWORD)).strip();
      assertTrue(Base64.getUrlDecoder().decode(password).length * 8 >= 64, "at least 64 random bits");
      assertTrue(redis.url().contains(password), "the store connects with the password");

      try (Resp stranger = new Resp(redis.port())) {
        assertTrue(stranger.call("PING").startsWith("-NOAUTH"), "no password, no access");
        assertTrue(stranger.call("GET", "anything").startsWith("-NOAUTH"));
      }
      try (Resp ardoise = new Resp(redis.port())) {
        assertEquals("+OK", ardoise.call("AUTH", password));
        assertEquals("+OK", ardoise.call("SET", "probe", "written"));
        for (String command : List.of("CONFIG", "DEBUG", "MODULE")) {
          String answer = command.equals("CONFIG") ? ardoise.call("CONFIG", "SET", "dir", "/tmp")
              : command.equals("DEBUG") ? ardoise.call("DEBUG", "SLEEP", "0") : ardoise.call("MODULE", "LIST");
          assertTrue(answer.startsWith("-ERR unknown command"), command + " answered " + answer);
        }
      }

      long pid = Long.parseLong(Files.readString(dataDir.resolve(RedisPidFile.NAME)).strip().split("\\s+")[0]);
      String commandLine = RedisPidFile.commandLine(ProcessHandle.of(pid).orElseThrow());
      assertTrue(commandLine.contains("redis-server"), commandLine);
      assertFalse(commandLine.contains(password), "the password is not on the command line");

      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
      }
    } finally {
      redis.stop();
    }
  }

  /** A bare RESP connection, as any local process could open. */
  private static final class Resp implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    Resp(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
    }

    /** Sends one command; returns the first line of the reply (e.g. "+OK", "-ERR …"). */
    String call(String... args) throws IOException {
      StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
      for (String arg : args) {
        request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return in.readLine();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
