package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import io.oteldemo.worker.proto.DistanceProto;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our distance.proto must stay wire-identical to the published otel-worker contract (Buf module
 * stuartshay-consulting/otel-worker), whose compiled descriptor set is kept as a test resource.
 */
class DistanceProtoContractTest {

  private static final String CONTRACT = "/contracts/otel-worker-distance-v1.binpb";
  private static final String PACKAGE = "distance.v1";

  private static FileDescriptorProto contract;

  @BeforeAll
  static void loadContract() throws IOException {
    try (InputStream in = DistanceProtoContractTest.class.getResourceAsStream(CONTRACT)) {
      assertNotNull(in, "the contract " + CONTRACT + " should be on the test classpath");
      FileDescriptorSet set = FileDescriptorSet.parseFrom(in);
      contract =
          set.getFileList().stream()
              .filter(file -> PACKAGE.equals(file.getPackage()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "the contract should contain a file of package "
                              + PACKAGE
                              + ", has "
                              + set.getFileList().stream()
                                  .map(FileDescriptorProto::getName)
                                  .toList()));
    }
  }

  @Test
  void ourDistanceProtoIsWireIdenticalToThePublishedContract() {
    FileDescriptorProto ours = DistanceProto.getDescriptor().toProto();

    List<String> differences = DescriptorDiff.compare(contract, ours);

    assertTrue(
        differences.isEmpty(),
        () ->
            "src/main/proto/distance/v1/distance.proto should match "
                + CONTRACT
                + ", but "
                + differences.size()
                + " difference(s) found:\n  "
                + String.join("\n  ", differences));
  }

  @Test
  void theContractDescribesTheDistanceServiceWeCall() {
    // Guards the comparison above against an empty or wrong contract file.
    assertEquals(
        List.of("google/protobuf/timestamp.proto"),
        contract.getDependencyList(),
        "the contract should import only google/protobuf/timestamp.proto");
    assertEquals(
        new TreeSet<>(
            List.of(
                "CalculateDistanceRequest",
                "CalculateDistanceResponse",
                "GetJobStatusRequest",
                "GetJobStatusResponse",
                "ListJobsRequest",
                "ListJobsResponse",
                "JobSummary",
                "JobResult")),
        new TreeSet<>(
            contract.getMessageTypeList().stream().map(DescriptorProto::getName).toList()),
        "the contract's messages");
    assertEquals(
        List.of("DistanceService"),
        contract.getServiceList().stream().map(ServiceDescriptorProto::getName).toList(),
        "the contract's services");
    assertEquals(
        3,
        contract.getService(0).getMethodCount(),
        "DistanceService should have three methods in the contract");
  }

  @Test
  void comparatorReportsEveryDifferenceAtOnce() {
    FileDescriptorProto drifted =
        mutate(
            contract,
            file -> {
              // JobResult.total_locations renumbered 3 -> 9
              field(file, "JobResult", "total_locations").setNumber(9);
              // JobResult.processing_time_ms int64 -> int32
              field(file, "JobResult", "processing_time_ms")
                  .setType(FieldDescriptorProto.Type.TYPE_INT32);
              // ListJobsRequest.device_id renamed
              field(file, "ListJobsRequest", "device_id").setName("device");
              // DistanceService.ListJobs removed
              ServiceDescriptorProto.Builder service = file.getServiceBuilder(0);
              service.removeMethod(methodIndex(service, "ListJobs"));
              return file;
            });

    assertDifferences(
        drifted,
        "distance.v1.JobResult field 3 'total_locations': number 3 in contract, 9 in ours",
        "distance.v1.JobResult field 8 'processing_time_ms': type TYPE_INT64 in contract,"
            + " TYPE_INT32 in ours",
        "distance.v1.ListJobsRequest field 5 'device_id': name 'device_id' in contract,"
            + " 'device' in ours",
        "method distance.v1.DistanceService.ListJobs: in contract, missing in ours");
  }

  @Test
  void comparatorReportsLabelTypeNameAndMissingOrExtraFields() {
    FileDescriptorProto drifted =
        mutate(
            contract,
            file -> {
              field(file, "ListJobsResponse", "total_count")
                  .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
              field(file, "GetJobStatusResponse", "result").setTypeName(".distance.v1.JobSummary");
              DescriptorProto.Builder summary = message(file, "JobSummary");
              summary.removeField(fieldIndex(summary, "completed_at"));
              summary.addField(
                  FieldDescriptorProto.newBuilder()
                      .setName("trace_id")
                      .setNumber(7)
                      .setType(FieldDescriptorProto.Type.TYPE_STRING)
                      .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
              return file;
            });

    assertDifferences(
        drifted,
        "distance.v1.ListJobsResponse field 2 'total_count': label LABEL_OPTIONAL in contract,"
            + " LABEL_REPEATED in ours",
        "distance.v1.GetJobStatusResponse field 7 'result': type_name '.distance.v1.JobResult'"
            + " in contract, '.distance.v1.JobSummary' in ours",
        "distance.v1.JobSummary field 6 'completed_at': in contract, missing in ours",
        "distance.v1.JobSummary field 7 'trace_id': not in contract, present in ours");
  }

  @Test
  void comparatorReportsOneofMembership() {
    FileDescriptorProto drifted =
        mutate(
            contract,
            file -> {
              DescriptorProto.Builder request = message(file, "CalculateDistanceRequest");
              request.addOneofDecl(OneofDescriptorProto.newBuilder().setName("target"));
              field(file, "CalculateDistanceRequest", "device_id").setOneofIndex(0);
              return file;
            });

    assertDifferences(
        drifted,
        "distance.v1.CalculateDistanceRequest field 2 'device_id': oneof none in contract,"
            + " 'target' in ours",
        "distance.v1.CalculateDistanceRequest oneofs [] in contract, [target] in ours");
  }

  @Test
  void comparatorReportsMethodSignaturesAndStreaming() {
    FileDescriptorProto drifted =
        mutate(
            contract,
            file -> {
              ServiceDescriptorProto.Builder service = file.getServiceBuilder(0);
              service
                  .getMethodBuilder(methodIndex(service, "GetJobStatus"))
                  .setInputType(".distance.v1.ListJobsRequest")
                  .setOutputType(".distance.v1.ListJobsResponse");
              service
                  .getMethodBuilder(methodIndex(service, "ListJobs"))
                  .setClientStreaming(true)
                  .setServerStreaming(true);
              service
                  .addMethodBuilder()
                  .setName("DeleteJob")
                  .setInputType(".distance.v1.GetJobStatusRequest")
                  .setOutputType(".distance.v1.GetJobStatusResponse");
              return file;
            });

    assertDifferences(
        drifted,
        "distance.v1.DistanceService.GetJobStatus: input_type '.distance.v1.GetJobStatusRequest'"
            + " in contract, '.distance.v1.ListJobsRequest' in ours",
        "distance.v1.DistanceService.GetJobStatus: output_type"
            + " '.distance.v1.GetJobStatusResponse' in contract, '.distance.v1.ListJobsResponse'"
            + " in ours",
        "distance.v1.DistanceService.ListJobs: client_streaming false in contract, true in ours",
        "distance.v1.DistanceService.ListJobs: server_streaming false in contract, true in ours",
        "method distance.v1.DistanceService.DeleteJob: not in contract, present in ours");
  }

  @Test
  void comparatorReportsPackageDependenciesMessagesAndServices() {
    FileDescriptorProto drifted =
        mutate(
            contract,
            file -> {
              file.setPackage("distance.v2");
              file.clearDependency();
              file.removeMessageType(messageIndex(file, "JobResult"));
              file.getServiceBuilder(0).setName("Distances");
              return file;
            });

    assertDifferences(
        drifted,
        "package 'distance.v1' in contract, 'distance.v2' in ours",
        "dependencies [google/protobuf/timestamp.proto] in contract, [] in ours",
        "message distance.v1.JobResult: in contract, missing in ours",
        "service distance.v1.DistanceService: in contract, missing in ours",
        "service distance.v1.Distances: not in contract, present in ours");
  }

  @Test
  void comparatorReportsNestedMessagesAndEnums() {
    UnaryOperator<FileDescriptorProto.Builder> withNested =
        file -> {
          DescriptorProto.Builder result = message(file, "JobResult");
          result.addNestedType(
              DescriptorProto.newBuilder()
                  .setName("Point")
                  .addField(
                      FieldDescriptorProto.newBuilder()
                          .setName("lat")
                          .setNumber(1)
                          .setType(FieldDescriptorProto.Type.TYPE_DOUBLE)
                          .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)));
          result.addEnumType(
              EnumDescriptorProto.newBuilder()
                  .setName("Unit")
                  .addValue(
                      EnumValueDescriptorProto.newBuilder()
                          .setName("UNIT_UNSPECIFIED")
                          .setNumber(0))
                  .addValue(EnumValueDescriptorProto.newBuilder().setName("UNIT_KM").setNumber(1)));
          return file;
        };
    FileDescriptorProto nestedContract = mutate(contract, withNested);
    FileDescriptorProto drifted =
        mutate(
            nestedContract,
            file -> {
              DescriptorProto.Builder result = message(file, "JobResult");
              result
                  .getNestedTypeBuilder(0)
                  .getFieldBuilder(0)
                  .setType(FieldDescriptorProto.Type.TYPE_FLOAT);
              result.getEnumTypeBuilder(0).getValueBuilder(1).setNumber(2);
              result
                  .getEnumTypeBuilder(0)
                  .addValue(
                      EnumValueDescriptorProto.newBuilder().setName("UNIT_MILE").setNumber(3));
              return file;
            });

    assertDifferencesBetween(
        nestedContract,
        drifted,
        "distance.v1.JobResult.Point field 1 'lat': type TYPE_DOUBLE in contract, TYPE_FLOAT in"
            + " ours",
        "distance.v1.JobResult.Unit value 'UNIT_KM': number 1 in contract, 2 in ours",
        "distance.v1.JobResult.Unit value 'UNIT_MILE': not in contract, present in ours");
    assertDifferencesBetween(
        nestedContract,
        contract,
        "message distance.v1.JobResult.Point: in contract, missing in ours",
        "enum distance.v1.JobResult.Unit: in contract, missing in ours");
  }

  @Test
  void comparatorIgnoresFileNameOptionsAndJsonNames() {
    FileDescriptorProto renamed =
        mutate(
            contract,
            file -> {
              file.setName("distance/v1/distance.proto");
              file.setOptions(
                  FileOptions.newBuilder()
                      .setJavaPackage("io.oteldemo.worker.proto")
                      .setJavaMultipleFiles(true)
                      .setJavaOuterClassname("DistanceProto"));
              field(file, "JobResult", "csv_path").setJsonName("path");
              field(file, "JobSummary", "device_id").clearJsonName();
              file.clearSourceCodeInfo();
              return file;
            });

    assertDifferences(renamed);
  }

  private static void assertDifferences(FileDescriptorProto ours, String... expected) {
    assertDifferencesBetween(contract, ours, expected);
  }

  private static void assertDifferencesBetween(
      FileDescriptorProto base, FileDescriptorProto ours, String... expected) {
    List<String> actual = DescriptorDiff.compare(base, ours);
    assertEquals(
        new TreeSet<>(Set.of(expected)),
        new TreeSet<>(actual),
        () ->
            "the comparator should report exactly the expected differences; it reported:\n  "
                + String.join("\n  ", actual));
    assertEquals(
        expected.length,
        actual.size(),
        () ->
            "each difference should be reported once; reported:\n  " + String.join("\n  ", actual));
  }

  private static FileDescriptorProto mutate(
      FileDescriptorProto file, UnaryOperator<FileDescriptorProto.Builder> mutation) {
    return mutation.apply(file.toBuilder()).build();
  }

  private static DescriptorProto.Builder message(FileDescriptorProto.Builder file, String name) {
    return file.getMessageTypeBuilder(messageIndex(file, name));
  }

  private static int messageIndex(FileDescriptorProto.Builder file, String name) {
    for (int i = 0; i < file.getMessageTypeCount(); i++) {
      if (file.getMessageType(i).getName().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("the contract should have a message " + name);
  }

  private static FieldDescriptorProto.Builder field(
      FileDescriptorProto.Builder file, String messageName, String fieldName) {
    DescriptorProto.Builder message = message(file, messageName);
    return message.getFieldBuilder(fieldIndex(message, fieldName));
  }

  private static int fieldIndex(DescriptorProto.Builder message, String name) {
    for (int i = 0; i < message.getFieldCount(); i++) {
      if (message.getField(i).getName().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(
        "the contract's " + message.getName() + " should have a field " + name);
  }

  private static int methodIndex(ServiceDescriptorProto.Builder service, String name) {
    for (int i = 0; i < service.getMethodCount(); i++) {
      if (service.getMethod(i).getName().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("the contract's service should have a method " + name);
  }
}
