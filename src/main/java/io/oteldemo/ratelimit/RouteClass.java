package io.oteldemo.ratelimit;

/** The route classes that have their own limit, with the setting that sets it and its default. */
public enum RouteClass {
  CALCULATE("calculate", "RATE_LIMIT_CALCULATE"),
  STATUS("status", "RATE_LIMIT_STATUS"),
  DOWNLOAD("download", "RATE_LIMIT_DOWNLOAD");

  private final String policyName;
  private final String setting;

  RouteClass(String policyName, String setting) {
    this.policyName = policyName;
    this.setting = setting;
  }

  public String policyName() {
    return policyName;
  }

  public String setting() {
    return setting;
  }
}
