package io.oteldemo.telemetry;

import java.util.Optional;
import java.util.OptionalInt;

/** The host and port of a gRPC channel's authority ({@code host:port}, {@code [::1]:port}). */
record ServerAuthority(String host, OptionalInt port) {

  static Optional<ServerAuthority> parse(String authority) {
    if (authority == null || authority.isBlank()) {
      return Optional.empty();
    }
    String value = authority.strip();
    int at = value.lastIndexOf('@');
    if (at >= 0) {
      value = value.substring(at + 1);
    }
    String host;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = value.substring(1, close);
      if (value.length() > close + 1 && value.charAt(close + 1) == ':') {
        port = value.substring(close + 2);
      }
    } else {
      int colon = value.lastIndexOf(':');
      if (colon >= 0 && value.indexOf(':') == colon) {
        host = value.substring(0, colon);
        port = value.substring(colon + 1);
      } else {
        host = value;
      }
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ServerAuthority(host, portNumber(port)));
  }

  private static OptionalInt portNumber(String port) {
    if (port == null || port.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int number = Integer.parseInt(port);
      return number > 0 && number <= 65535 ? OptionalInt.of(number) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
