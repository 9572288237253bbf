package io.oteldemo.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCsvSourceTest {

  private static final String NAME = "distance_20260125_iphone_stuart.csv";
  private static final byte[] CSV =
      ("timestamp,device_id,latitude,longitude,distance_from_home_km\n"
              + "2026-01-25T00:08:52Z,iphone_stuart,40.736071,-74.039424,0.01\n")
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;
  private Path root;
  private Path outside;

  @BeforeEach
  void folders() throws IOException {
    root = Files.createDirectory(temp.resolve("csv"));
    outside = Files.createDirectory(temp.resolve("outside"));
  }

  @Test
  void anExistingFileIsOpenedWithItsSizeAndBytes() throws IOException {
    Files.write(root.resolve(NAME), CSV);

    CsvFile file = open(new LocalCsvSource(root), NAME);

    assertEquals(NAME, file.name());
    assertEquals(OptionalLong.of(CSV.length), file.size(), "the size should be the file's");
    assertArrayEquals(CSV, readAll(file), "the content should be the file's bytes");
  }

  @Test
  void anEmptyFileIsServedWithSizeZero() throws IOException {
    Files.createFile(root.resolve(NAME));

    CsvFile file = open(new LocalCsvSource(root), NAME);

    assertEquals(OptionalLong.of(0), file.size());
    assertArrayEquals(new byte[0], readAll(file));
  }

  @Test
  void aMissingFileIsEmpty() {
    assertEquals(Optional.empty(), new LocalCsvSource(root).open(NAME));
  }

  @Test
  void aMissingRootIsEmpty() {
    assertEquals(
        Optional.empty(),
        new LocalCsvSource(temp.resolve("not-there")).open(NAME),
        "a folder that does not exist (yet) holds no files");
  }

  @Test
  void aDirectoryNamedLikeACsvIsEmpty() throws IOException {
    Files.createDirectory(root.resolve(NAME));

    assertEquals(
        Optional.empty(),
        new LocalCsvSource(root).open(NAME),
        "only regular files should be served");
  }

  @Test
  void aSymlinkToAFileOutsideTheRootIsEmpty() throws IOException {
    Path secret = Files.write(outside.resolve("secret.csv"), CSV);
    Files.createSymbolicLink(root.resolve(NAME), secret);

    assertEquals(
        Optional.empty(),
        new LocalCsvSource(root).open(NAME),
        "a link leading out of the folder should not be followed");
  }

  @Test
  void aSymlinkToASiblingFolderWithACommonPrefixIsEmpty() throws IOException {
    // /tmp/x/csv-other starts with the characters of /tmp/x/csv but is not inside it
    Path sibling = Files.createDirectory(temp.resolve("csv-other"));
    Path secret = Files.write(sibling.resolve("secret.csv"), CSV);
    Files.createSymbolicLink(root.resolve(NAME), secret);

    assertEquals(
        Optional.empty(),
        new LocalCsvSource(root).open(NAME),
        "containment should be by path elements, not by string prefix");
  }

  @Test
  void aDanglingSymlinkIsEmpty() throws IOException {
    Files.createSymbolicLink(root.resolve(NAME), outside.resolve("gone.csv"));

    assertEquals(Optional.empty(), new LocalCsvSource(root).open(NAME));
  }

  @Test
  void aSymlinkToAFileInsideTheRootIsServed() throws IOException {
    Path data = Files.createDirectory(root.resolve("..data"));
    Files.write(data.resolve("real.csv"), CSV);
    Files.createSymbolicLink(root.resolve(NAME), data.resolve("real.csv"));

    CsvFile file = open(new LocalCsvSource(root), NAME);

    assertEquals(NAME, file.name(), "the file is served under the name asked for");
    assertEquals(OptionalLong.of(CSV.length), file.size(), "the size is the target's");
    assertArrayEquals(CSV, readAll(file));
  }

  @Test
  void aRootThatIsItselfASymlinkServesItsFiles() throws IOException {
    Files.write(root.resolve(NAME), CSV);
    Path linkedRoot = Files.createSymbolicLink(temp.resolve("mounted"), root);

    CsvFile file = open(new LocalCsvSource(linkedRoot), NAME);

    assertArrayEquals(
        CSV,
        readAll(file),
        "a mounted volume reached through a link should still serve its own files");
  }

  @Test
  void theRootIsAbsoluteAndNormalised() {
    LocalCsvSource source = new LocalCsvSource(root.resolve("sub/.."));

    assertEquals(root.toAbsolutePath().normalize(), source.root());
    assertTrue(source.root().isAbsolute());
  }

  private static CsvFile open(LocalCsvSource source, String name) {
    return source
        .open(name)
        .orElseThrow(() -> new AssertionError(name + " should be served from " + source.root()));
  }

  private static byte[] readAll(CsvFile file) throws IOException {
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    }
  }
}
