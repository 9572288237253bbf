package io.oteldemo.status;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this deployment is: the service name (the one its telemetry carries, {@code
 * otel.service.name}), the build ({@link BuildInfo}) and the environment the operator names
 * ({@value #ENVIRONMENT}). Read and checked once, as the application starts, so a malformed
 * environment name or an unfilled build stamp stops the deployment with a message naming it.
 */
@ApplicationScoped
public class ServiceInfo {

  static final String ENVIRONMENT = "DEPLOYMENT_ENVIRONMENT";
  static final String MESSAGE =
      "Distance API on Open Liberty: every answer carries its OpenTelemetry trace id";

  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  @Inject
  @ConfigProperty(name = "otel.service.name")
  String serviceName;

  @Inject
  @ConfigProperty(name = ENVIRONMENT)
  String environment;

  private BuildInfo build;

  public ServiceInfo() {}

  ServiceInfo(String serviceName, String environment, BuildInfo build) {
    this.serviceName = serviceName;
    this.environment = environment;
    this.build = build;
    check();
  }

  @PostConstruct
  void load() {
    build = BuildInfo.read();
    check();
  }

  private void check() {
    if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
      throw new IllegalStateException(
          ENVIRONMENT
              + " '"
              + environment
              + "' is not an environment name: lower-case letters, digits and '-', starting"
              + " with a letter, at most 32 (e.g. production, dev)");
    }
  }

  /** Reads the build stamp and checks the setting as the application starts. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  /** The answer of {@code GET /info} for a request of this trace. */
  public InfoView view(String traceId) {
    return new InfoView(
        serviceName,
        build.version(),
        build.buildNumber(),
        build.buildDate(),
        environment,
        MESSAGE,
        traceId);
  }
}
