package io.oteldemo.it.production;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Faults the test worker injects per gRPC method, and how many calls of each reached it: an answer
 * with a status instead of the real one, a delay before answering, or a pattern by call number
 * (flapping).
 */
final class WorkerFaults implements ServerInterceptor {

  private final Map<String, IntFunction<Optional<Status>>> answers = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** Every call of the method answers this status. */
  void answer(String method, Status status) {
    answers.put(method, call -> Optional.of(status));
  }

  /** The n-th call (from 1, counted from now) answers what the pattern says, or the real answer. */
  void answerByCall(String method, IntFunction<Optional<Status>> pattern) {
    calls.remove(method);
    answers.put(method, pattern);
  }

  /** Every call of the method waits this long before it is handled. */
  void delay(String method, Duration delay) {
    delays.put(method, delay);
  }

  /** No faults, and the call counts back at zero. */
  void clear() {
    answers.clear();
    delays.clear();
    calls.clear();
  }

  /** Calls of the method that reached the worker since the last {@link #clear()}. */
  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    int number = calls.computeIfAbsent(method, key -> new AtomicInteger()).incrementAndGet();
    pause(delays.get(method));
    IntFunction<Optional<Status>> answer = answers.get(method);
    Optional<Status> status = answer == null ? Optional.empty() : answer.apply(number);
    if (status.isPresent()) {
      call.close(status.get(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }

  private static void pause(Duration delay) {
    if (delay == null) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
