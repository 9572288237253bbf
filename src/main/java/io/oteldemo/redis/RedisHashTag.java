package io.oteldemo.redis;

/**
 * The Redis Cluster hash tag of a user's keys, {@code {<subject>}}, safe for any subject. Redis
 * hashes only what lies between the first <code>{</code> and the next <code>}</code>: a subject
 * holding a <code>}</code> would cut its tag short, and one beginning with it (or an empty one)
 * would leave an empty tag, so that Redis hashes each whole key and a user's keys land in different
 * slots (CROSSSLOT in every script that touches two of them). Such subjects are written with <code>
 * }</code> as {@code %7D} and {@code %} as {@code %25}, so that the tag never holds a <code>}
 * </code> and two subjects never share one; the empty subject is {@code {%}}, which no other
 * subject can give. Any other subject (an ordinary {@code sub}) is its own tag, as before.
 */
public final class RedisHashTag {

  private RedisHashTag() {}

  /** <code>{subject}</code>, escaped where needed. */
  public static String of(String subject) {
    if (subject.isEmpty()) {
      return "{%}";
    }
    if (subject.indexOf('}') < 0 && subject.indexOf('%') < 0) {
      return "{" + subject + "}";
    }
    return "{" + subject.replace("%", "%25").replace("}", "%7D") + "}";
  }

  /** Whether Redis Cluster hashes {@code key} by the subject's tag, i.e. by {@link #of}. */
  public static boolean holds(String key, String subject) {
    int open = key.indexOf('{');
    int close = open < 0 ? -1 : key.indexOf('}', open + 1);
    return close > open + 1 && key.substring(open, close + 1).equals(of(subject));
  }
}
