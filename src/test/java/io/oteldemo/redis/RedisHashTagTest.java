package io.oteldemo.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.AwkwardSubjects;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisHashTagTest {

  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void everyKeyOfASubjectHashesToOneSlot(String subject) {
    String tag = RedisHashTag.of(subject);
    Set<Integer> slots =
        List.of(
                "rl:" + tag + ":calculate",
                "jobs:" + tag,
                "jobs:" + tag + ":job:j-1",
                "idem:" + tag + ":d")
            .stream()
            .map(JedisClusterCRC16::getSlot)
            .collect(Collectors.toSet());
    assertEquals(1, slots.size(), () -> "one slot for '" + subject + "' (" + tag + "): " + slots);
    assertTrue(RedisHashTag.holds("jobs:" + tag + ":job:j-1", subject), "the key holds its tag");
  }

  @Test
  void noTwoSubjectsShareATag() {
    List<String> subjects = AwkwardSubjects.subjects().toList();
    Set<String> tags = subjects.stream().map(RedisHashTag::of).collect(Collectors.toSet());
    assertEquals(subjects.size(), tags.size(), () -> "distinct tags: " + tags);
  }

  @Test
  void anOrdinarySubjectIsItsOwnTagAsInEarlierVersions() {
    assertEquals("{alice}", RedisHashTag.of("alice"));
    assertEquals(
        "{6b1f0c5e-7d1a-4c0e-9f3b-2f1e5d4c3b2a}",
        RedisHashTag.of("6b1f0c5e-7d1a-4c0e-9f3b-2f1e5d4c3b2a"));
  }

  @Test
  void aKeyOfAnotherSubjectOrOfNoTagDoesNotHoldTheTag() {
    assertFalse(RedisHashTag.holds("jobs:{bob}:job:j-1", "alice"));
    assertFalse(RedisHashTag.holds("jobs:{alice", "alice"));
    assertFalse(RedisHashTag.holds("jobs:{}alice}:job", "}alice"), "the naive, empty tag");
    assertFalse(RedisHashTag.holds("x:{bob}:{alice}", "alice"), "only the first tag counts");
  }
}
