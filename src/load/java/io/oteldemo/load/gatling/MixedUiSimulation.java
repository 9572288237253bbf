package io.oteldemo.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;

/**
 * Shaped like otel-ui: {@code users} (30) users open the job list, then every 3 s refresh it and
 * poll their running job, if any; a finished job's CSV is downloaded, and one refresh in {@code
 * calculatePercent} (10) queues a new calculation. Per user that is about 20 list and at most 20
 * status requests and 2 calculations a minute: within the default limits.
 */
public class MixedUiSimulation extends Simulation {

  private static final Duration REFRESH = Duration.ofSeconds(3);

  {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    int users = LoadSettings.intProperty("users", 30);
    double calculatePercent = LoadSettings.intProperty("calculatePercent", 10);
    System.out.println(
        "Mixed otel-ui: "
            + settings
            + " (users "
            + users
            + "), refresh every "
            + REFRESH.toSeconds()
            + " s, "
            + calculatePercent
            + " % of refreshes calculate");

    ScenarioBuilder ui =
        scenario("otel-ui: list, poll every 3 s, calculate now and then")
            .feed(DistanceChains.users(settings.tokens(users)))
            .exec(DistanceChains.listJobs())
            .during(settings.duration())
            .on(
                exitBlockOnFail()
                    .on(
                        pause(REFRESH),
                        DistanceChains.listJobs(),
                        doIfOrElse(session -> session.contains("jobId"))
                            .then(
                                DistanceChains.jobStatus()
                                    .doIf(DistanceChains::finished)
                                    .then(
                                        exec(session -> session.remove("jobId"))
                                            .doIf(session -> session.contains("csvUrl"))
                                            .then(DistanceChains.download())))
                            .orElse(
                                randomSwitch()
                                    .on(
                                        percent(calculatePercent)
                                            .then(DistanceChains.calculate())))));

    setUp(ui.injectOpen(rampUsers(users).during(Duration.ofSeconds(10))))
        .protocols(DistanceChains.protocol(settings))
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
