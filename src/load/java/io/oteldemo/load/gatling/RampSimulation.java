package io.oteldemo.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.oteldemo.load.JobFixtures;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;

/**
 * The open-model staircase that finds the knee: arrivals of GET /jobs/{id} start at {@code
 * rampStart} (400) per second and grow by {@code rampStep} (400) for {@code rampLevels} (8) levels
 * of {@code duration}/levels each, spread over {@code users} (100) users with a job each. Arrivals
 * do not wait for answers, so once the server saturates, latency climbs instead of throughput.
 * Connections are shared, as behind an ingress. At the defaults a user makes up to 1,920 status
 * requests a minute: run it against a server with a status limit above that
 * (bench/bench-server.sh).
 */
public class RampSimulation extends Simulation {

  {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    int users = LoadSettings.intProperty("users", 100);
    int start = LoadSettings.intProperty("rampStart", 400);
    int step = LoadSettings.intProperty("rampStep", 400);
    int levels = LoadSettings.intProperty("rampLevels", 8);
    Duration level = settings.duration().dividedBy(levels);
    System.out.println(
        "Ramp: "
            + settings
            + " (users "
            + users
            + "), "
            + levels
            + " levels of "
            + level.toSeconds()
            + " s from "
            + start
            + "/s by "
            + step
            + "/s");

    ScenarioBuilder arrivals =
        scenario("open-model ramp: job status")
            .feed(
                DistanceChains.usersWithJobs(
                    new JobFixtures(settings.baseUrl()).completedJobs(settings.tokens(users))))
            .exec(DistanceChains.jobStatus());

    setUp(
            arrivals.injectOpen(
                incrementUsersPerSec(step)
                    .times(levels)
                    .eachLevelLasting(level)
                    .separatedByRampsLasting(Duration.ofSeconds(1))
                    .startingFrom(start)))
        .protocols(DistanceChains.protocol(settings).shareConnections())
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
