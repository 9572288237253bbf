package io.oteldemo.deploy.image;

import java.util.Optional;
import java.util.regex.Pattern;

/** An image reference, {@code [registry/]repository[:tag][@digest]}, split into its parts. */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {

  /** A tag that names a release: at least major.minor.patch, not a moving "17" or "latest". */
  private static final Pattern VERSION_TAG = Pattern.compile("\\d+\\.\\d+\\.\\d+.*");

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  public static ImageReference parse(String reference) {
    String rest = reference;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      return new ImageReference(
          rest.substring(0, colon), Optional.of(rest.substring(colon + 1)), digest);
    }
    return new ImageReference(rest, Optional.empty(), digest);
  }

  /** Pinned: a sha256 digest, or a tag that names a full version. */
  public boolean pinned() {
    return digest.filter(d -> DIGEST.matcher(d).matches()).isPresent()
        || tag.filter(t -> VERSION_TAG.matcher(t).matches()).isPresent();
  }
}
