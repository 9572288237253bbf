package io.oteldemo.api;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Counts the requests refused before JAX-RS could read them ({@code distance.requests.refused}, by
 * kind) and logs them without letting anyone flood the log: the first refusal of a kind is logged
 * at once, later ones at most once per {@link #LOG_INTERVAL} with how many there were, never with a
 * stack trace, never with what the client sent.
 */
@ApplicationScoped
public class Refusals {

  private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

  static final String REFUSED = "distance.requests.refused";
  static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
  static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  @Inject OpenTelemetry openTelemetry;

  /** The request's trace id, the one its answer quotes (error dispatches have no span). */
  @Inject RequestTrace trace;

  private Clock clock = Clock.systemUTC();
  private LongCounter refused;
  private final Map<Refusal.Kind, Attributes> attributes = new EnumMap<>(Refusal.Kind.class);
  private final Map<Refusal.Kind, Report> reports = new EnumMap<>(Refusal.Kind.class);

  public Refusals() {}

  Refusals(OpenTelemetry openTelemetry, RequestTrace trace, Clock clock) {
    this.openTelemetry = openTelemetry;
    this.trace = trace;
    this.clock = clock;
    init();
  }

  @PostConstruct
  void init() {
    for (Refusal.Kind kind : Refusal.Kind.values()) {
      attributes.put(kind, Attributes.of(KIND, kind.attributeValue()));
      reports.put(kind, new Report());
    }
    refused =
        openTelemetry
            .getMeter("io.oteldemo")
            .counterBuilder(REFUSED)
            .setUnit("{request}")
            .setDescription("Requests refused before the API could read them, by kind")
            .build();
  }

  /** Counts the refusal, and logs it unless its kind was logged less than an interval ago. */
  void record(Refusal refusal) {
    refused.add(1, attributes.get(refusal.kind()));
    long count = reports.get(refusal.kind()).countAndClaim(clock.instant());
    if (count > 0) {
      LOG.info(
          () ->
              "Refused "
                  + count
                  + " request(s) of kind "
                  + refusal.kind().attributeValue()
                  + " ("
                  + refusal.field()
                  + ") since the last report; the latest "
                  + trace.logTag());
    }
  }

  /** The refusals of one kind not reported yet, and when the kind was last reported. */
  private static final class Report {

    private final AtomicLong unreported = new AtomicLong();
    private final AtomicReference<Instant> lastReported = new AtomicReference<>(Instant.MIN);

    /** Counts one refusal; the count to report now, or 0 while the interval lasts. */
    long countAndClaim(Instant now) {
      unreported.incrementAndGet();
      Instant last = lastReported.get();
      if (!now.isBefore(last.plus(LOG_INTERVAL)) && lastReported.compareAndSet(last, now)) {
        return unreported.getAndSet(0);
      }
      return 0;
    }
  }
}
