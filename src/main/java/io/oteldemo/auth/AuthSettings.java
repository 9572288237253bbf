package io.oteldemo.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** The checked authentication settings, read once as the application starts. */
@ApplicationScoped
public class AuthSettings {

  private static final Logger LOG = Logger.getLogger(AuthSettings.class.getName());

  @Inject Config config;

  private AuthConfiguration configuration;

  @PostConstruct
  void load() {
    configuration = AuthConfiguration.from(this::setting);
    LOG.info(
        () ->
            "Accepting "
                + configuration.tokenUses()
                + " tokens of issuer "
                + configuration.issuer()
                + " for client(s) "
                + configuration.clientIds()
                + configuration.requiredGroup().map(group -> ", group " + group).orElse(""));
  }

  /** Checks the settings as the application starts, so a bad one stops the deployment. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  public AuthConfiguration configuration() {
    return configuration;
  }

  /** A value, or empty when unset, blank or (an expression) unresolvable. */
  private Optional<String> setting(String name) {
    try {
      return config
          .getOptionalValue(name, String.class)
          .map(String::trim)
          .filter(value -> !value.isEmpty());
    } catch (NoSuchElementException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
