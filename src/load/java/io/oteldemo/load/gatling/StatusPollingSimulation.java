package io.oteldemo.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.oteldemo.load.JobFixtures;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;

/**
 * Status polling: {@code users} (50) users, each owning one completed job (made before the run),
 * read it every {@code pollMillis} (1000 ms, the Retry-After of a processing job) for {@code
 * duration}. At the defaults every user stays under the default status limit (100/min).
 */
public class StatusPollingSimulation extends Simulation {

  {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    int users = LoadSettings.intProperty("users", 50);
    Duration poll = Duration.ofMillis(LoadSettings.intProperty("pollMillis", 1000));
    System.out.println(
        "Status polling: "
            + settings
            + " (users "
            + users
            + "), polling every "
            + poll.toMillis()
            + " ms");

    ScenarioBuilder polling =
        scenario("status polling")
            .feed(
                DistanceChains.usersWithJobs(
                    new JobFixtures(settings.baseUrl()).completedJobs(settings.tokens(users))))
            .during(settings.duration())
            .on(pause(poll).exec(DistanceChains.jobStatus()));

    setUp(polling.injectOpen(rampUsers(users).during(Duration.ofSeconds(5))))
        .protocols(DistanceChains.protocol(settings))
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
