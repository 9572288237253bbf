package io.oteldemo.distance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps the tasks {@link JobRecorder} schedules, so that a test runs them when it chooses. */
final class ManualScheduler implements JobRecorder.Scheduler {

  final List<Duration> pauses = new ArrayList<>();
  private final List<Runnable> tasks = new ArrayList<>();

  @Override
  public synchronized void schedule(Runnable task, Duration after) {
    pauses.add(after);
    tasks.add(task);
  }

  synchronized int pending() {
    return tasks.size();
  }

  /** Runs the tasks scheduled so far (not those they schedule); how many ran. */
  int runDue() {
    List<Runnable> due;
    synchronized (this) {
      due = new ArrayList<>(tasks);
      tasks.clear();
    }
    due.forEach(Runnable::run);
    return due.size();
  }
}
