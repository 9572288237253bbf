package io.oteldemo.ratelimit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code distance.ratelimit.decisions}: every decision per route class, allowed, limited or
 * undecided (the store could not decide: Redis down or its breaker open, whichever the fail mode
 * then answered). The attribute sets are built once per route class and decision.
 */
@ApplicationScoped
public class RateLimitMetrics {

  static final String DECISIONS = "distance.ratelimit.decisions";
  static final AttributeKey<String> ROUTE_CLASS = AttributeKey.stringKey("route_class");
  static final AttributeKey<String> DECISION = AttributeKey.stringKey("decision");

  /** What the limiter decided. */
  public enum Decision {
    ALLOWED,
    LIMITED,
    UNDECIDED;

    static Decision of(RateLimitDecision decision) {
      if (decision.remaining().isEmpty()) {
        return UNDECIDED;
      }
      return decision.allowed() ? ALLOWED : LIMITED;
    }
  }

  private final Map<RouteClass, Map<Decision, Attributes>> attributes =
      new EnumMap<>(RouteClass.class);

  @Inject OpenTelemetry openTelemetry;

  private LongCounter decisions;

  public RateLimitMetrics() {}

  RateLimitMetrics(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    init();
  }

  @PostConstruct
  void init() {
    for (RouteClass route : RouteClass.values()) {
      Map<Decision, Attributes> byDecision = new EnumMap<>(Decision.class);
      for (Decision decision : Decision.values()) {
        byDecision.put(
            decision,
            Attributes.of(
                ROUTE_CLASS,
                route.policyName(),
                DECISION,
                decision.name().toLowerCase(Locale.ROOT)));
      }
      attributes.put(route, byDecision);
    }
    decisions =
        openTelemetry
            .getMeter("io.oteldemo")
            .counterBuilder(DECISIONS)
            .setUnit("{decision}")
            .setDescription("Rate-limit decisions per route class: allowed, limited or undecided")
            .build();
  }

  public void record(RouteClass route, Decision decision) {
    decisions.add(1, attributes.get(route).get(decision));
  }
}
