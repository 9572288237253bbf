package io.oteldemo.download;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.oteldemo.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code distance.downloads} (each answer of the download route: {@code sent}, or the error code
 * the client got) and {@code distance.downloads.sent} (bytes of CSV written to clients).
 */
@ApplicationScoped
public class DownloadMetrics {

  static final String DOWNLOADS = "distance.downloads";
  static final String SENT = "distance.downloads.sent";
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  private static final Attributes SENT_OUTCOME = Attributes.of(OUTCOME, "sent");
  private static final Map<ErrorCode, Attributes> REFUSED = new EnumMap<>(ErrorCode.class);

  static {
    for (ErrorCode code : ErrorCode.values()) {
      REFUSED.put(code, Attributes.of(OUTCOME, code.attributeValue()));
    }
  }

  @Inject OpenTelemetry openTelemetry;

  private LongCounter downloads;
  private LongCounter bytes;

  public DownloadMetrics() {}

  DownloadMetrics(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    init();
  }

  @PostConstruct
  void init() {
    Meter meter = openTelemetry.getMeter("io.oteldemo");
    downloads =
        meter
            .counterBuilder(DOWNLOADS)
            .setUnit("{download}")
            .setDescription("Answers of the download route: sent, or the error code answered")
            .build();
    bytes =
        meter
            .counterBuilder(SENT)
            .setUnit("By")
            .setDescription("Bytes of result files written to clients")
            .build();
  }

  void answered(int status, Object entity) {
    downloads.add(
        1,
        status >= 200 && status < 300
            ? SENT_OUTCOME
            : REFUSED.get(ErrorCode.ofAnswer(status, entity)));
  }

  void sent(long byteCount) {
    bytes.add(byteCount);
  }
}
