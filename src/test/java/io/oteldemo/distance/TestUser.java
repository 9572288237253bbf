package io.oteldemo.distance;

import io.oteldemo.auth.AuthConfiguration.TokenUse;
import io.oteldemo.auth.CurrentUser;
import java.util.Set;

/** The authenticated user, switched by the test. */
final class TestUser extends CurrentUser {
  String subject;

  TestUser(String subject) {
    this.subject = subject;
  }

  @Override
  public AuthenticatedUser require() {
    return new AuthenticatedUser(subject, "user-" + subject, Set.of(), TokenUse.ACCESS);
  }
}
