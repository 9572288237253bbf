package io.oteldemo.telemetry;

import io.grpc.ServerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Offers server-side trace continuation as a plain {@link ServerInterceptor} bean, so a gRPC server
 * in this application (the embedded worker) applies it without knowing where it comes from: the
 * worker stays a plug-in that depends on gRPC and its contract only.
 */
@ApplicationScoped
public class GrpcServerTracingProducer {

  @Produces
  @ApplicationScoped
  ServerInterceptor serverTracing(OpenTelemetry openTelemetry) {
    return new GrpcServerTracing(openTelemetry);
  }
}
