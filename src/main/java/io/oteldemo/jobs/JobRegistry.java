package io.oteldemo.jobs;

import java.util.Optional;

/**
 * The jobs this gateway created: the worker reports a queued job without its date and device,
 * and only jobs created through the API are answered for.
 */
public interface JobRegistry {

  void register(RegisteredJob job);

  Optional<RegisteredJob> find(String jobId);
}
