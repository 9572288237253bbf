package io.oteldemo.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Label selector semantics, as the API server applies them. */
final class Selectors {

  private Selectors() {}

  /** Whether a selector selects objects with these labels; an empty selector selects all. */
  static boolean selects(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> matchLabels =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    return labels.entrySet().containsAll(matchLabels.entrySet())
        && (selector.getMatchExpressions() == null
            || selector.getMatchExpressions().stream()
                .allMatch(requirement -> satisfies(requirement, labels)));
  }

  /** Whether a plain map selector (a Service's) selects these labels; empty selects nothing. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector != null
        && !selector.isEmpty()
        && labels.entrySet().containsAll(selector.entrySet());
  }

  static boolean isEmpty(LabelSelector selector) {
    return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  private static boolean satisfies(
      LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    return switch (requirement.getOperator()) {
      case "In" -> value != null && requirement.getValues().contains(value);
      case "NotIn" -> value == null || !requirement.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default ->
          throw new IllegalArgumentException(
              "unknown selector operator " + requirement.getOperator());
    };
  }
}
