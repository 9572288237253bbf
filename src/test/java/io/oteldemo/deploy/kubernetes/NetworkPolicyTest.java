package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.oteldemo.deploy.kubernetes.Manifests.Overlay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The namespace denies all traffic but what the API needs: requests from the ingress controller,
 * and calls to DNS, the worker, Redis, the OpenTelemetry collector and Cognito.
 */
class NetworkPolicyTest {

  private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

  /** Every destination port the pods may reach, as protocol/port. */
  private static final Set<String> EGRESS_PORTS =
      Set.of(
          "UDP/53",
          "TCP/53",
          "TCP/50051",
          "TCP/8080",
          "TCP/6379",
          "TCP/26379",
          // The location store: PgBouncer and PostgreSQL (LOCATIONS_DB_URL)
          "TCP/6432",
          "TCP/5432",
          "TCP/4317",
          "TCP/4318",
          "TCP/443");

  private static final List<String> PRIVATE_RANGES =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void everythingIsDeniedByDefault(String name) {
    assertTrue(
        Manifests.rendered(name).all(NetworkPolicy.class).stream()
            .anyMatch(
                policy ->
                    Selectors.isEmpty(policy.getSpec().getPodSelector())
                        && new TreeSet<>(policy.getSpec().getPolicyTypes())
                            .equals(new TreeSet<>(List.of("Ingress", "Egress")))
                        && isEmpty(policy.getSpec().getIngress())
                        && isEmpty(policy.getSpec().getEgress())),
        name + ": a policy should select every pod and allow neither ingress nor egress");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void requestsComeFromTheIngressControllerOnly(String name) {
    Overlay overlay = Manifests.rendered(name);
    int port = overlay.container().getPorts().get(0).getContainerPort();
    List<NetworkPolicyIngressRule> rules =
        overlay.all(NetworkPolicy.class).stream()
            .flatMap(policy -> nullSafe(policy.getSpec().getIngress()))
            .toList();
    assertFalse(rules.isEmpty(), name + ": without an ingress rule nothing reaches the API");
    assertAll(
        rules.stream()
            .map(
                rule ->
                    () -> {
                      assertEquals(
                          List.of(Map.of(NAMESPACE_LABEL, "ingress-nginx")),
                          rule.getFrom().stream()
                              .map(peer -> peer.getNamespaceSelector().getMatchLabels())
                              .toList(),
                          name + ": ingress only from the ingress controller's namespace");
                      assertTrue(
                          rule.getFrom().stream().allMatch(peer -> peer.getIpBlock() == null),
                          name + ": no address range may bypass the ingress controller");
                      assertEquals(
                          List.of(port),
                          ports(rule.getPorts()).stream()
                              .map(p -> Integer.parseInt(p.substring(p.indexOf('/') + 1)))
                              .toList(),
                          name + ": ingress only to the HTTP port");
                    }));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void callsLeaveOnlyForWhatTheApiNeeds(String name) {
    List<NetworkPolicyEgressRule> rules =
        Manifests.rendered(name).all(NetworkPolicy.class).stream()
            .flatMap(policy -> nullSafe(policy.getSpec().getEgress()))
            .toList();
    assertAll(
        rules.stream()
            .map(
                rule ->
                    () ->
                        assertFalse(
                            ports(rule.getPorts()).isEmpty(),
                            name
                                + ": every egress rule should name its ports; this one allows all: "
                                + rule)));
    assertEquals(
        new TreeSet<>(EGRESS_PORTS),
        new TreeSet<>(rules.stream().flatMap(rule -> ports(rule.getPorts()).stream()).toList()),
        name + ": egress ports");
    assertEquals(Set.of("kube-system"), namespaces(rules, "TCP/53"), name + ": DNS");
    assertEquals(Set.of("otel-worker"), namespaces(rules, "TCP/50051"), name + ": the worker");
    assertEquals(Set.of("otel-worker"), namespaces(rules, "TCP/8080"), name + ": worker HTTP");
    rules.stream()
        .filter(rule -> ports(rule.getPorts()).contains("TCP/443"))
        .flatMap(rule -> rule.getTo().stream())
        .forEach(
            peer ->
                assertTrue(
                    peer.getIpBlock() != null
                        && peer.getIpBlock().getExcept().containsAll(PRIVATE_RANGES),
                    name
                        + ": HTTPS goes out to public addresses (Cognito), not into private ranges"));
  }

  private static Set<String> namespaces(List<NetworkPolicyEgressRule> rules, String port) {
    Set<String> namespaces = new TreeSet<>();
    rules.stream()
        .filter(rule -> ports(rule.getPorts()).contains(port))
        .flatMap(rule -> nullSafe(rule.getTo()))
        .map(NetworkPolicyPeer::getNamespaceSelector)
        .forEach(
            selector ->
                namespaces.add(
                    selector == null ? "<any>" : selector.getMatchLabels().get(NAMESPACE_LABEL)));
    return namespaces;
  }

  private static List<String> ports(List<NetworkPolicyPort> ports) {
    return nullSafe(ports)
        .map(
            port ->
                (port.getProtocol() == null ? "TCP" : port.getProtocol())
                    + "/"
                    + port.getPort().getIntVal())
        .toList();
  }

  private static <T> Stream<T> nullSafe(List<T> list) {
    return list == null ? Stream.empty() : list.stream();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
