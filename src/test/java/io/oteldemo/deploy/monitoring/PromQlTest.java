package io.oteldemo.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric name extraction skips everything in PromQL that is not a metric name. */
class PromQlTest {

  @Test
  void findsMetricsAndSkipsFunctionsKeywordsLabelsDurationsStringsAndNumbers() {
    String expression =
        """
        histogram_quantile(0.95, sum by (le, http_route) (rate(a_seconds_bucket{job="$job",
          http_route=~"/api/{x}[0-9]"}[$__rate_interval] offset 1h30m)))
          > on (job) group_left (instance) 1e3 * b_total unless ignoring(reason) c
          or label_replace(d{le="+Inf"}, "dst", "$1", 'src', "(.*)") and bool 0x1F
          - sum without (pod) (e[5m:1m]) / ${factor} + max_over_time(f[10m]) + inf
        """;

    assertEquals(
        Set.of("a_seconds_bucket", "b_total", "c", "d", "e", "f"), PromQl.metricNames(expression));
  }

  @Test
  void keywordsAndAggregationsInCapitalsAreStillKeywords() {
    assertEquals(Set.of("up"), PromQl.metricNames("SUM BY (job) (up) > Inf or sum(up) BY (job)"));
  }
}
