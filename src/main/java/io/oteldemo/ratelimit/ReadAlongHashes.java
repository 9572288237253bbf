package io.oteldemo.ratelimit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.Optional;

/** What this request's rate-limit decision read along ({@link ReadAlong}), by key. */
@RequestScoped
public class ReadAlongHashes {

  private String key;
  private Map<String, String> fields;

  void put(String key, Map<String, String> fields) {
    this.key = key;
    this.fields = fields;
  }

  /**
   * The fields of {@code key}'s hash when it was read along (an empty map: the hash does not
   * exist); empty when it was not read, and the caller must read it itself.
   */
  public Optional<Map<String, String>> fields(String key) {
    return key.equals(this.key) ? Optional.of(fields) : Optional.empty();
  }
}
