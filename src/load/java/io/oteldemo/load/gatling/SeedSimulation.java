package io.oteldemo.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;

/**
 * The seed's scenario: {@code users} (10) users at once, each queueing {@code calculations} (100)
 * calculations one after the other, polling every job to completion (every {@code pollMillis}, 250
 * ms, faster than Retry-After advises, to stress the status path) and downloading its CSV. The
 * seed's criteria are the assertions. Runs until done: {@code duration} does not apply.
 */
public class SeedSimulation extends Simulation {

  private static final int MAX_POLLS = 240;

  {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    int calculations = LoadSettings.intProperty("calculations", 100);
    Duration poll = Duration.ofMillis(LoadSettings.intProperty("pollMillis", 250));
    System.out.println(
        "Seed scenario: "
            + settings
            + ", "
            + calculations
            + " calculations per user, polling every "
            + poll.toMillis()
            + " ms");

    ScenarioBuilder seed =
        scenario("seed: calculate, poll to completion, download")
            .feed(DistanceChains.users(settings.tokens(settings.users())))
            .repeat(calculations)
            .on(
                exitBlockOnFail()
                    .on(
                        DistanceChains.calculate(),
                        DistanceChains.pollToCompletion(poll, MAX_POLLS),
                        DistanceChains.download()));

    setUp(seed.injectOpen(atOnceUsers(settings.users())))
        .protocols(DistanceChains.protocol(settings))
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(95.0).lt(500),
            details(DistanceChains.CALCULATE).responseTime().percentile(95.0).lt(100),
            details(DistanceChains.JOB_STATUS).responseTime().percentile(95.0).lt(50));
  }
}
