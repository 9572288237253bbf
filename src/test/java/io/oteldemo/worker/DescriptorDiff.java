package io.oteldemo.worker;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two descriptions of the same .proto file as far as the wire and the generated APIs are
 * concerned: package, syntax, dependencies, messages (with their fields, oneofs, nested messages
 * and enums), enums and services. File names, options and json_name are ignored.
 *
 * <p>Every difference is reported, each as one sentence naming the element, in the form "what: X in
 * contract, Y in ours".
 */
final class DescriptorDiff {

  private final List<String> differences = new ArrayList<>();

  private DescriptorDiff() {}

  /** Every difference between the contract's file and ours; empty when wire-identical. */
  static List<String> compare(FileDescriptorProto contract, FileDescriptorProto ours) {
    DescriptorDiff diff = new DescriptorDiff();
    diff.file(contract, ours);
    return List.copyOf(diff.differences);
  }

  private void file(FileDescriptorProto contract, FileDescriptorProto ours) {
    differ("package", quoted(contract.getPackage()), quoted(ours.getPackage()));
    differ("syntax", quoted(syntax(contract)), quoted(syntax(ours)));
    differ(
        "dependencies",
        new TreeSet<>(contract.getDependencyList()),
        new TreeSet<>(ours.getDependencyList()));
    differ("public dependencies", publicDependencies(contract), publicDependencies(ours));
    String scope = contract.getPackage().isEmpty() ? "" : contract.getPackage() + ".";
    messages(scope, contract.getMessageTypeList(), ours.getMessageTypeList());
    enums(scope, contract.getEnumTypeList(), ours.getEnumTypeList());
    services(scope, contract.getServiceList(), ours.getServiceList());
  }

  private void messages(String scope, List<DescriptorProto> contract, List<DescriptorProto> ours) {
    pair("message", scope, contract, ours, DescriptorProto::getName, this::message);
  }

  private void message(String name, DescriptorProto contract, DescriptorProto ours) {
    fields(name, contract, ours);
    differ(name + " oneofs", oneofNames(contract), oneofNames(ours));
    messages(name + ".", contract.getNestedTypeList(), ours.getNestedTypeList());
    enums(name + ".", contract.getEnumTypeList(), ours.getEnumTypeList());
    differ(
        name + " reserved names",
        new TreeSet<>(contract.getReservedNameList()),
        new TreeSet<>(ours.getReservedNameList()));
    differ(name + " reserved ranges", reservedRanges(contract), reservedRanges(ours));
  }

  /**
   * Fields are paired by number; a field left over on both sides with the same name is reported as
   * a renumbering rather than as one field missing and another extra.
   */
  private void fields(String message, DescriptorProto contract, DescriptorProto ours) {
    Map<Integer, FieldDescriptorProto> contractFields =
        byKey(contract.getFieldList(), FieldDescriptorProto::getNumber);
    Map<Integer, FieldDescriptorProto> ourFields =
        byKey(ours.getFieldList(), FieldDescriptorProto::getNumber);
    List<FieldDescriptorProto> onlyInContract = new ArrayList<>();
    for (FieldDescriptorProto field : contractFields.values()) {
      FieldDescriptorProto ourField = ourFields.get(field.getNumber());
      if (ourField == null) {
        onlyInContract.add(field);
      } else {
        field(
            message + " field " + field.getNumber() + " '" + field.getName() + "'",
            contract,
            field,
            ours,
            ourField);
      }
    }
    List<FieldDescriptorProto> onlyInOurs = new ArrayList<>();
    for (FieldDescriptorProto field : ourFields.values()) {
      if (!contractFields.containsKey(field.getNumber())) {
        onlyInOurs.add(field);
      }
    }
    for (FieldDescriptorProto field : onlyInContract) {
      FieldDescriptorProto renumbered =
          onlyInOurs.stream()
              .filter(candidate -> candidate.getName().equals(field.getName()))
              .findFirst()
              .orElse(null);
      String label = message + " field " + field.getNumber() + " '" + field.getName() + "'";
      if (renumbered == null) {
        differences.add(label + ": in contract, missing in ours");
      } else {
        onlyInOurs.remove(renumbered);
        differences.add(
            label
                + ": number "
                + field.getNumber()
                + " in contract, "
                + renumbered.getNumber()
                + " in ours");
        field(label, contract, field, ours, renumbered);
      }
    }
    for (FieldDescriptorProto field : onlyInOurs) {
      differences.add(
          message
              + " field "
              + field.getNumber()
              + " '"
              + field.getName()
              + "': not in contract, present in ours");
    }
  }

  private void field(
      String label,
      DescriptorProto contractMessage,
      FieldDescriptorProto contract,
      DescriptorProto ourMessage,
      FieldDescriptorProto ours) {
    differ(label + ": name", quoted(contract.getName()), quoted(ours.getName()));
    differ(label + ": type", contract.getType(), ours.getType());
    differ(label + ": type_name", quoted(contract.getTypeName()), quoted(ours.getTypeName()));
    differ(label + ": label", contract.getLabel(), ours.getLabel());
    differ(label + ": proto3_optional", contract.getProto3Optional(), ours.getProto3Optional());
    differ(label + ": extendee", quoted(contract.getExtendee()), quoted(ours.getExtendee()));
    differ(label + ": oneof", oneofOf(contractMessage, contract), oneofOf(ourMessage, ours));
  }

  private void enums(
      String scope, List<EnumDescriptorProto> contract, List<EnumDescriptorProto> ours) {
    pair("enum", scope, contract, ours, EnumDescriptorProto::getName, this::enumeration);
  }

  private void enumeration(String name, EnumDescriptorProto contract, EnumDescriptorProto ours) {
    Map<String, Integer> contractValues = new LinkedHashMap<>();
    contract
        .getValueList()
        .forEach(value -> contractValues.put(value.getName(), value.getNumber()));
    Map<String, Integer> ourValues = new LinkedHashMap<>();
    ours.getValueList().forEach(value -> ourValues.put(value.getName(), value.getNumber()));
    for (EnumValueDescriptorProto value : contract.getValueList()) {
      Integer ourNumber = ourValues.get(value.getName());
      if (ourNumber == null) {
        differences.add(name + " value '" + value.getName() + "': in contract, missing in ours");
      } else {
        differ(name + " value '" + value.getName() + "': number", value.getNumber(), ourNumber);
      }
    }
    for (EnumValueDescriptorProto value : ours.getValueList()) {
      if (!contractValues.containsKey(value.getName())) {
        differences.add(
            name + " value '" + value.getName() + "': not in contract, present in ours");
      }
    }
  }

  private void services(
      String scope, List<ServiceDescriptorProto> contract, List<ServiceDescriptorProto> ours) {
    pair("service", scope, contract, ours, ServiceDescriptorProto::getName, this::service);
  }

  private void service(String name, ServiceDescriptorProto contract, ServiceDescriptorProto ours) {
    pair(
        "method",
        name + ".",
        contract.getMethodList(),
        ours.getMethodList(),
        MethodDescriptorProto::getName,
        this::method);
  }

  private void method(String name, MethodDescriptorProto contract, MethodDescriptorProto ours) {
    differ(name + ": input_type", quoted(contract.getInputType()), quoted(ours.getInputType()));
    differ(name + ": output_type", quoted(contract.getOutputType()), quoted(ours.getOutputType()));
    differ(name + ": client_streaming", contract.getClientStreaming(), ours.getClientStreaming());
    differ(name + ": server_streaming", contract.getServerStreaming(), ours.getServerStreaming());
  }

  /** Pairs elements by name, reports the unpaired ones and compares the pairs. */
  private <T> void pair(
      String kind,
      String scope,
      List<T> contract,
      List<T> ours,
      Function<T, String> name,
      Comparison<T> compare) {
    Map<String, T> contractByName = byKey(contract, name);
    Map<String, T> oursByName = byKey(ours, name);
    contractByName.forEach(
        (key, element) -> {
          T ourElement = oursByName.get(key);
          if (ourElement == null) {
            differences.add(kind + " " + scope + key + ": in contract, missing in ours");
          } else {
            compare.apply(scope + key, element, ourElement);
          }
        });
    oursByName.keySet().stream()
        .filter(key -> !contractByName.containsKey(key))
        .forEach(
            key ->
                differences.add(kind + " " + scope + key + ": not in contract, present in ours"));
  }

  private void differ(String what, Object contract, Object ours) {
    if (!Objects.equals(contract, ours)) {
      differences.add(what + " " + contract + " in contract, " + ours + " in ours");
    }
  }

  private static <K, T> Map<K, T> byKey(List<T> elements, Function<T, K> key) {
    Map<K, T> map = new LinkedHashMap<>();
    elements.forEach(element -> map.put(key.apply(element), element));
    return map;
  }

  private static String syntax(FileDescriptorProto file) {
    // protoc leaves syntax unset for proto2
    return file.getSyntax().isEmpty() ? "proto2" : file.getSyntax();
  }

  private static TreeSet<String> publicDependencies(FileDescriptorProto file) {
    TreeSet<String> names = new TreeSet<>();
    file.getPublicDependencyList().forEach(index -> names.add(file.getDependency(index)));
    return names;
  }

  private static TreeSet<String> oneofNames(DescriptorProto message) {
    TreeSet<String> names = new TreeSet<>();
    message.getOneofDeclList().forEach(oneof -> names.add(oneof.getName()));
    return names;
  }

  private static TreeSet<String> reservedRanges(DescriptorProto message) {
    TreeSet<String> ranges = new TreeSet<>();
    message
        .getReservedRangeList()
        .forEach(range -> ranges.add(range.getStart() + ".." + (range.getEnd() - 1)));
    return ranges;
  }

  private static String oneofOf(DescriptorProto message, FieldDescriptorProto field) {
    return field.hasOneofIndex()
        ? "'" + message.getOneofDecl(field.getOneofIndex()).getName() + "'"
        : "none";
  }

  private static String quoted(String value) {
    return value.isEmpty() ? "(none)" : "'" + value + "'";
  }

  @FunctionalInterface
  private interface Comparison<T> {
    void apply(String name, T contract, T ours);
  }
}
