package io.oteldemo.worker;

import java.util.List;

/** One page of the worker's job list, with the numbers the worker reported for it. */
public record WorkerJobPage(List<WorkerJobSummary> jobs, int totalCount, int limit, int offset) {}
