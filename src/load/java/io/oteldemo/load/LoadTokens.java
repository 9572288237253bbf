package io.oteldemo.load;

import io.oteldemo.devissuer.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens of distinct users: read from a file (any issuer the server trusts, e.g. real
 * Cognito tokens for a deployed server) or minted with the local development issuer.
 */
final class LoadTokens {

  /** Long enough for the longest run; the development issuer's tokens are local only. */
  private static final long MINTED_TTL_SECONDS = 4 * 3600;

  private LoadTokens() {}

  static List<String> load(Optional<Path> file, Path issuerDir, int count) {
    try {
      if (file.isPresent()) {
        List<String> tokens =
            Files.readAllLines(file.get()).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
        if (tokens.size() < count) {
          throw new IllegalArgumentException(
              file.get()
                  + " holds "
                  + tokens.size()
                  + " tokens, the test needs "
                  + count
                  + " (one per user)");
        }
        return tokens.subList(0, count);
      }
      if (!Files.exists(issuerDir.resolve("private-key.der"))) {
        throw new IllegalArgumentException(
            "No development issuer in "
                + issuerDir.toAbsolutePath()
                + ": pass -Dtokens=FILE or -DissuerDir=DIR");
      }
      return DevIssuer.openOrCreate(issuerDir)
          .distinctUserTokens(count, List.of(), Instant.now(), MINTED_TTL_SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
