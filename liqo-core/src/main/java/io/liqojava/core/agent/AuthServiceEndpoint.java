package io.liqojava.core.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cluster's authentication service can be reached, published by its agent in the ConfigMap
 * {@value #CONFIG_MAP} (key {@value #URL_KEY}) so that {@code liqoctl generate peer-command} can
 * hand it to consumers.
 *
 * <p>An agent running in its cluster behind a Service ({@link ServiceName}) advertises that
 * Service's address, as Liqo does for {@code liqo-auth} ({@link #urlOf}): a LoadBalancer's ingress
 * IP or host name and the Service port; a node's external address (else its internal one) and the
 * node port; or the cluster IP and the Service port. The URL is read once, when the agent starts.
 */
public final class AuthServiceEndpoint {

  /**
   * A Service in front of the authentication service.
   *
   * @param namespace its namespace
   * @param name its name
   */
  public record ServiceName(String namespace, String name) {

    /** Checks the parts. */
    public ServiceName {
      if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "the authentication Service '"
                + namespace
                + "/"
                + name
                + "' is not valid: use NAMESPACE/NAME, for example liqo/liqo-auth");
      }
    }

    /**
     * Parses {@code NAMESPACE/NAME}.
     *
     * @throws IllegalArgumentException saying what a valid value looks like
     */
    public static ServiceName parse(String value) {
      int slash = value == null ? -1 : value.indexOf('/');
      if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
        throw new IllegalArgumentException(
            "the authentication Service '"
                + value
                + "' is not valid: use NAMESPACE/NAME, for example liqo/liqo-auth");
      }
      return new ServiceName(value.substring(0, slash), value.substring(slash + 1));
    }

    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /** The ConfigMap, in the liqo namespace. */
  public static final String CONFIG_MAP = "liqo-auth-service";

  /** The key holding the URL. */
  public static final String URL_KEY = "url";

  private AuthServiceEndpoint() {}

  /** Publishes {@code url} as this cluster's authentication service. */
  public static void publish(KubernetesClient client, String url) {
    ServerSideApply.apply(
        client,
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(CONFIG_MAP)
            .withNamespace(LiqoNamespace.NAME)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .addToData(URL_KEY, url)
            .build());
  }

  /** The published URL, if an agent has published one. */
  public static Optional<String> read(KubernetesClient client) {
    ConfigMap configMap =
        client.configMaps().inNamespace(LiqoNamespace.NAME).withName(CONFIG_MAP).get();
    return Optional.ofNullable(configMap)
        .map(ConfigMap::getData)
        .map(data -> data.get(URL_KEY))
        .filter(url -> !url.isBlank());
  }

  /**
   * The URL of the authentication service behind {@code service}, from the Service and the nodes of
   * the cluster as they are now.
   *
   * @throws IllegalStateException saying what is missing while the URL cannot be told yet (the
   *     Service does not exist, the load balancer has no address, no node has an address)
   */
  public static String resolve(KubernetesClient client, ServiceName service) {
    Service found =
        client.services().inNamespace(service.namespace()).withName(service.name()).get();
    if (found == null) {
      throw new IllegalStateException("the Service " + service + " does not exist");
    }
    List<Node> nodes =
        "NodePort".equals(found.getSpec().getType()) ? client.nodes().list().getItems() : List.of();
    return urlOf(found, nodes);
  }

  /**
   * The URL peers reach the authentication service at through {@code service}: {@code https://}
   * and, by the Service type,
   *
   * <ul>
   *   <li>LoadBalancer: the first ingress address (IP, else host name) and the Service port;
   *   <li>NodePort: the external IP of a node, else its internal IP, and the node port (Ready nodes
   *       first, then nodes with an external IP, then by name; virtual nodes never);
   *   <li>ClusterIP: the cluster IP and the Service port.
   * </ul>
   *
   * The port is the one named {@code https}, else the first.
   *
   * @param nodes the cluster's nodes; used for NodePort only
   * @throws IllegalStateException saying what is missing while the URL cannot be told yet
   */
  public static String urlOf(Service service, List<Node> nodes) {
    Objects.requireNonNull(service, "service");
    String name = service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    List<ServicePort> ports =
        service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    ServicePort port =
        ports.stream()
            .filter(p -> "https".equals(p.getName()))
            .findFirst()
            .or(() -> ports.stream().findFirst())
            .orElseThrow(() -> new IllegalStateException("the Service " + name + " has no port"));
    String type = Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP");
    return switch (type) {
      case "LoadBalancer" -> url(loadBalancerAddress(service, name), port.getPort());
      case "NodePort" -> {
        if (port.getNodePort() == null) {
          throw new IllegalStateException("the NodePort Service " + name + " has no node port yet");
        }
        yield url(nodeAddress(nodes, name), port.getNodePort());
      }
      case "ClusterIP" -> {
        String clusterIp = service.getSpec().getClusterIP();
        if (clusterIp == null || clusterIp.isBlank() || "None".equals(clusterIp)) {
          throw new IllegalStateException(
              "the Service " + name + " has no cluster IP: it must not be headless");
        }
        yield url(clusterIp, port.getPort());
      }
      default ->
          throw new IllegalStateException(
              "the Service "
                  + name
                  + " is of type "
                  + type
                  + ": use LoadBalancer, NodePort or ClusterIP");
    };
  }

  private static String loadBalancerAddress(Service service, String name) {
    List<LoadBalancerIngress> ingress =
        service.getStatus() == null || service.getStatus().getLoadBalancer() == null
            ? null
            : service.getStatus().getLoadBalancer().getIngress();
    if (ingress != null) {
      for (LoadBalancerIngress entry : ingress) {
        if (entry.getIp() != null && !entry.getIp().isBlank()) {
          return entry.getIp();
        }
        if (entry.getHostname() != null && !entry.getHostname().isBlank()) {
          return entry.getHostname();
        }
      }
    }
    throw new IllegalStateException(
        "the LoadBalancer Service "
            + name
            + " has no address yet (status.loadBalancer.ingress is empty): does this cluster"
            + " provision load balancers? If not, expose it as a NodePort");
  }

  private static String nodeAddress(List<Node> nodes, String name) {
    return nodes.stream()
        .filter(node -> !isVirtual(node))
        .sorted(
            Comparator.comparing((Node node) -> !isReady(node))
                .thenComparing(node -> !hasAddress(node, "ExternalIP"))
                .thenComparing(node -> node.getMetadata().getName()))
        .map(AuthServiceEndpoint::address)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no node of this cluster has an address for the NodePort Service " + name));
  }

  private static boolean isVirtual(Node node) {
    return node.getMetadata().getLabels() != null
        && Labels.TYPE_VIRTUAL_NODE.equals(node.getMetadata().getLabels().get(Labels.TYPE));
  }

  private static boolean isReady(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition condition : node.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }

  private static boolean hasAddress(Node node, String type) {
    return node.getStatus() != null
        && node.getStatus().getAddresses() != null
        && node.getStatus().getAddresses().stream().anyMatch(a -> type.equals(a.getType()));
  }

  private static Optional<String> address(Node node) {
    List<NodeAddress> addresses =
        node.getStatus() == null || node.getStatus().getAddresses() == null
            ? List.of()
            : node.getStatus().getAddresses();
    for (String type : List.of("ExternalIP", "InternalIP")) {
      for (NodeAddress address : addresses) {
        if (type.equals(address.getType())
            && address.getAddress() != null
            && !address.getAddress().isBlank()) {
          return Optional.of(address.getAddress());
        }
      }
    }
    return Optional.empty();
  }

  private static String url(String host, int port) {
    String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "https://" + literal + ":" + port;
  }
}
