package io.oteldemo.load.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.oteldemo.worker.proto.DistanceServiceGrpc;
import io.oteldemo.worker.proto.GetJobStatusRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GetJobStatus straight to the worker, through one shared channel and blocking stubs, as the
 * gateway's own client does: the floor under the jobs endpoint's latency.
 */
final class GrpcJobStatusTarget implements Target {

  private static final long DEADLINE_SECONDS = 5;

  private final ManagedChannel channel;
  private final List<String> jobIds;

  GrpcJobStatusTarget(int port, List<String> jobIds) {
    this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    this.jobIds = jobIds;
  }

  @Override
  public String name() {
    return "(3) gRPC GetJobStatus, direct";
  }

  @Override
  public Call client(int index) {
    DistanceServiceGrpc.DistanceServiceBlockingStub stub =
        DistanceServiceGrpc.newBlockingStub(channel);
    GetJobStatusRequest request =
        GetJobStatusRequest.newBuilder().setJobId(jobIds.get(index)).build();
    return () -> stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).getJobStatus(request);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
