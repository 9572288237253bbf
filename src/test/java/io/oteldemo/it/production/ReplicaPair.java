package io.oteldemo.it.production;

import io.oteldemo.redis.RedisClusterProcesses;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Two replicas of the production-like deployment, A and B, on one Redis Cluster (three masters with
 * a replica each) with one worker and one issuer, as a Deployment of two pods on a cluster Redis.
 * Started once for the run on first use, stopped when it ends. Downloads are limited to {@value
 * #DOWNLOAD_LIMIT} a minute, so that a limit split between replicas can be counted.
 */
public final class ReplicaPair implements ExtensionContext.Store.CloseableResource {

  static final int DOWNLOAD_LIMIT = 6;

  private final RedisClusterProcesses redis;
  private final TestWorker worker;
  private final IssuerEndpoint issuer;
  private ProductionServer a;
  private ProductionServer b;

  private ReplicaPair() {
    redis = RedisClusterProcesses.start();
    worker = ProductionServer.newWorker("replicas-csv");
    issuer = ProductionServer.newIssuer();
    // Patient worker calls: these tests are about Redis, not about a slow worker on a busy machine.
    Map<String, String> overrides =
        Map.of(
            "RATE_LIMIT_DOWNLOAD",
            Integer.toString(DOWNLOAD_LIMIT),
            "DISTANCE_SERVICE_TIMEOUT",
            "10",
            "IO_OTELDEMO_WORKER_GRPCDISTANCEWORKERCLIENT_CALCULATE_TIMEOUT_VALUE",
            "15000",
            "IO_OTELDEMO_WORKER_GRPCDISTANCEWORKERCLIENT_JOBSTATUS_TIMEOUT_VALUE",
            "15000",
            "IO_OTELDEMO_WORKER_GRPCDISTANCEWORKERCLIENT_LISTJOBS_TIMEOUT_VALUE",
            "15000",
            "IO_OTELDEMO_DOWNLOAD_WORKERDOWNLOADCLIENT_OPEN_TIMEOUT_VALUE",
            "15000");
    try {
      a =
          ProductionServer.replica(
              "otel-demo-replica-a", worker, issuer, redis.settings(), overrides);
      b =
          ProductionServer.replica(
              "otel-demo-replica-b", worker, issuer, redis.settings(), overrides);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  ProductionServer a() {
    return a;
  }

  ProductionServer b() {
    return b;
  }

  TestWorker worker() {
    return worker;
  }

  RedisClusterProcesses redis() {
    return redis;
  }

  @Override
  public void close() {
    try {
      if (a != null) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
    } finally {
      worker.close();
      issuer.close();
      redis.close();
    }
  }

  /** Hands the pair to tests that declare it. */
  public static final class Deployment implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(ReplicaPair.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ReplicaPair.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(ReplicaPair.class, key -> new ReplicaPair(), ReplicaPair.class);
    }
  }
}
