package io.oteldemo.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server of the tests' own, on a free loopback port: the server binaries of a Maven
 * Central artifact (on the test class path), unpacked once per JVM into a temporary folder, a new
 * cluster per server with password (SCRAM) authentication over TCP, and a database {@value
 * #DATABASE}. Never the machine's own PostgreSQL.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to {@code
 * nobody} and {@code initdb}, {@code postgres} and {@code pg_ctl} run as that user ({@code
 * runuser}); as any other user they run as that user. The binaries and the cluster live under the
 * system's temporary folder, which {@code nobody} can reach wherever the project is checked out.
 */
public final class TestPostgres implements AutoCloseable {

  public static final String DATABASE = "owntracks";
  public static final String USER = "postgres";

  /** The superuser's password: made up per server, so that a test can look for it in logs. */
  private final String password = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String UNPRIVILEGED = "nobody";
  private static final String BINARIES = "postgres-linux-x86_64.txz";
  private static Path installation;

  private final Path directory;
  private final Path data;
  private final int port;
  private Process server;

  private TestPostgres() throws IOException {
    directory = Files.createTempDirectory("otel-demo-postgres-");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    data = directory.resolve("data");
    Files.createDirectory(data, PosixFilePermissions.asFileAttribute(owner()));
    if (asRoot()) {
      Files.setOwner(data, unprivileged());
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  private static Set<PosixFilePermission> owner() {
    return EnumSet.of(
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
  }

  /** A new server with an empty database {@value #DATABASE}, ready for connections. */
  public static TestPostgres start() {
    TestPostgres postgres;
    try {
      postgres = new TestPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the tests' PostgreSQL a folder", e);
    }
    try {
      postgres.initdb();
      postgres.startServer();
      try (Connection connection = postgres.dataSource("postgres").getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      return postgres;
    } catch (IOException | SQLException | RuntimeException e) {
      postgres.close();
      throw new IllegalStateException("Cannot start the tests' PostgreSQL", e);
    }
  }

  public int port() {
    return port;
  }

  public String password() {
    return password;
  }

  /** The JDBC URL of {@value #DATABASE}, as {@code LOCATIONS_DB_URL} takes it. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** A plain (unpooled) data source of {@value #DATABASE} as the superuser. */
  public DataSource dataSource() {
    return dataSource(DATABASE);
  }

  private DataSource dataSource(String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {"127.0.0.1"});
    source.setPortNumbers(new int[] {port});
    source.setDatabaseName(database);
    source.setUser(USER);
    source.setPassword(password);
    source.setConnectTimeout(5);
    source.setSocketTimeout(30);
    source.setPrepareThreshold(0);
    return source;
  }

  /** Stops the server fast (open sessions are ended); {@link #restart()} starts it again. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      run(List.of(bin("pg_ctl"), "stop", "-D", data.toString(), "-m", "fast", "-w"));
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (IOException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  /** Starts the stopped server again, same port and data. */
  public synchronized void restart() {
    try {
      startServer();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restart the tests' PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    stop();
    deleteRecursively(directory);
  }

  private void initdb() throws IOException {
    Path passwordFile = directory.resolve("password");
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    try {
      run(
          List.of(
              bin("initdb"),
              "-D",
              data.toString(),
              "-U",
              USER,
              "--pwfile=" + passwordFile,
              "--auth-host=scram-sha-256",
              "--auth-local=trust",
              "-E",
              "UTF8",
              "--no-locale",
              "--no-sync"));
    } finally {
      Files.deleteIfExists(passwordFile);
    }
  }

  private synchronized void startServer() throws IOException {
    List<String> command = new ArrayList<>(asUnprivileged());
    command.addAll(
        List.of(
            bin("postgres"),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port),
            "-h",
            "127.0.0.1",
            "-k",
            data.toString(),
            "-c",
            "fsync=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=50"));
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("log").toFile()))
            .start();
    awaitConnection();
  }

  private void awaitConnection() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    DataSource source = dataSource("postgres");
    while (true) {
      try (Connection connection = source.getConnection()) {
        return;
      } catch (SQLException e) {
        if (!server.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "The tests' PostgreSQL did not start; its log: " + log(), e);
        }
        sleep();
      }
    }
  }

  private String log() {
    try {
      return Files.readString(directory.resolve("log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(none: " + e + ")";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while PostgreSQL starts", e);
    }
  }

  private void run(List<String> tool) throws IOException {
    List<String> command = new ArrayList<>(asUnprivileged());
    command.addAll(tool);
    Path output = directory.resolve("tools.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            String.join(" ", tool)
                + " failed: "
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted: " + tool, e);
    }
  }

  private static List<String> asUnprivileged() {
    return asRoot() ? List.of("runuser", "-u", UNPRIVILEGED, "--") : List.of();
  }

  private static boolean asRoot() {
    return new UnixSystem().getUid() == 0;
  }

  private static UserPrincipal unprivileged() throws IOException {
    return Path.of("/")
        .getFileSystem()
        .getUserPrincipalLookupService()
        .lookupPrincipalByName(UNPRIVILEGED);
  }

  private static String bin(String tool) throws IOException {
    return installation().resolve("bin").resolve(tool).toString();
  }

  /** The binaries, unpacked on first use into a folder deleted when the JVM exits. */
  private static synchronized Path installation() throws IOException {
    if (installation == null) {
      Path target = Files.createTempDirectory("otel-demo-postgresql-binaries-");
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      unpack(target);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(target)));
      installation = target;
    }
    return installation;
  }

  private static void unpack(Path target) throws IOException {
    try (InputStream resource = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
      if (resource == null) {
        throw new IOException(BINARIES + " is not on the test class path");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(resource))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path path = target.resolve(entry.getName()).normalize();
          if (!path.startsWith(target)) {
            throw new IOException("Entry outside the folder: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(path);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
          }
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing a test for.
    }
  }
}
