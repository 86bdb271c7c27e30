package io.liqojava.core.crd;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.liqojava.api.authentication.v1beta1.AuthParams;
import io.liqojava.api.authentication.v1beta1.AuthzPolicy;
import io.liqojava.api.authentication.v1beta1.Identity;
import io.liqojava.api.authentication.v1beta1.IdentitySpec;
import io.liqojava.api.authentication.v1beta1.IdentityStatus;
import io.liqojava.api.authentication.v1beta1.IdentityType;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.ResourceSliceCondition;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionStatus;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionType;
import io.liqojava.api.authentication.v1beta1.ResourceSliceSpec;
import io.liqojava.api.authentication.v1beta1.ResourceSliceStatus;
import io.liqojava.api.authentication.v1beta1.Tenant;
import io.liqojava.api.authentication.v1beta1.TenantCondition;
import io.liqojava.api.authentication.v1beta1.TenantSpec;
import io.liqojava.api.authentication.v1beta1.TenantStatus;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterRole;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.ForeignClusterStatus;
import io.liqojava.api.core.v1beta1.NetworkingEnabled;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.core.v1beta1.PeeringType;
import io.liqojava.api.core.v1beta1.StorageType;
import io.liqojava.api.core.v1beta1.TenantNamespace;
import io.liqojava.api.ipam.v1beta1.IP;
import io.liqojava.api.ipam.v1beta1.IPSpec;
import io.liqojava.api.ipam.v1beta1.IPStatus;
import io.liqojava.api.ipam.v1beta1.Network;
import io.liqojava.api.ipam.v1beta1.NetworkSpec;
import io.liqojava.api.ipam.v1beta1.NetworkStatus;
import io.liqojava.api.networking.v1beta1.ClusterConfig;
import io.liqojava.api.networking.v1beta1.ClusterConfigCidr;
import io.liqojava.api.networking.v1beta1.Configuration;
import io.liqojava.api.networking.v1beta1.ConfigurationSpec;
import io.liqojava.api.networking.v1beta1.ConfigurationStatus;
import io.liqojava.api.networking.v1beta1.Connection;
import io.liqojava.api.networking.v1beta1.ConnectionLatency;
import io.liqojava.api.networking.v1beta1.ConnectionSpec;
import io.liqojava.api.networking.v1beta1.ConnectionState;
import io.liqojava.api.networking.v1beta1.ConnectionStatus;
import io.liqojava.api.networking.v1beta1.ConnectionType;
import io.liqojava.api.networking.v1beta1.EndpointStatus;
import io.liqojava.api.networking.v1beta1.GatewayClient;
import io.liqojava.api.networking.v1beta1.GatewayClientSpec;
import io.liqojava.api.networking.v1beta1.GatewayClientStatus;
import io.liqojava.api.networking.v1beta1.GatewayEndpoint;
import io.liqojava.api.networking.v1beta1.GatewayServer;
import io.liqojava.api.networking.v1beta1.GatewayServerSpec;
import io.liqojava.api.networking.v1beta1.GatewayServerStatus;
import io.liqojava.api.networking.v1beta1.InternalGatewayEndpoint;
import io.liqojava.api.networking.v1beta1.Protocol;
import io.liqojava.api.networking.v1beta1.PublicKey;
import io.liqojava.api.networking.v1beta1.PublicKeySpec;
import io.liqojava.api.networking.v1beta1.ServiceType;
import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.EndpointAddressType;
import io.liqojava.api.offloading.v1beta1.EndpointSliceTemplate;
import io.liqojava.api.offloading.v1beta1.MappingPhase;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMapSpec;
import io.liqojava.api.offloading.v1beta1.NamespaceMapStatus;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPatch;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.api.offloading.v1beta1.ShadowEndpointSlice;
import io.liqojava.api.offloading.v1beta1.ShadowEndpointSliceSpec;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodPhase;
import io.liqojava.api.offloading.v1beta1.ShadowPodSpec;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeCondition;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionType;
import io.liqojava.api.offloading.v1beta1.VirtualNodeSpec;
import io.liqojava.api.offloading.v1beta1.VirtualNodeStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One fully populated instance of every Liqo kind, spec and status, with every defaulted field set
 * so that what the API server returns equals what was sent.
 */
final class SampleResources {

  static final String CLUSTER_ID = "milan-7881be";
  private static final String TIME = "2022-05-05T15:08:43Z";

  private SampleResources() {}

  /** One sample per kind, in the order of {@code LiqoCrds.types()}, in {@code namespace}. */
  static List<CustomResource<?, ?>> all(String namespace) {
    return List.of(
        foreignCluster("milan"),
        tenant(namespace),
        identity(namespace),
        resourceSlice(namespace),
        virtualNode(namespace),
        namespaceOffloading(namespace),
        namespaceMap(namespace),
        shadowPod(namespace),
        shadowEndpointSlice(namespace),
        configuration(namespace),
        gatewayServer(namespace),
        gatewayClient(namespace),
        publicKey(namespace),
        connection(namespace),
        network(namespace),
        ip(namespace));
  }

  /** An out-of-band, established outgoing peering, as in the tutorials. */
  static ForeignCluster foreignCluster(String name) {
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(CLUSTER_ID);
    spec.setClusterName(name);
    spec.setPeeringType(PeeringType.OUT_OF_BAND);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    spec.setIncomingPeeringEnabled(PeeringEnabled.AUTO);
    spec.setNetworkingEnabled(NetworkingEnabled.YES);
    spec.setForeignAuthUrl("https://172.18.0.2:31453");
    spec.setInsecureSkipTLSVerify(true);
    ForeignClusterStatus status = new ForeignClusterStatus();
    status.setRole(ForeignClusterRole.PROVIDER);
    status.setPeeringConditions(
        List.of(
            peering(PeeringConditionType.OUTGOING_PEERING, PeeringConditionStatus.ESTABLISHED),
            peering(PeeringConditionType.INCOMING_PEERING, PeeringConditionStatus.NONE),
            peering(PeeringConditionType.NETWORK_STATUS, PeeringConditionStatus.ESTABLISHED),
            peering(PeeringConditionType.AUTHENTICATION_STATUS, PeeringConditionStatus.ESTABLISHED),
            peering(PeeringConditionType.API_SERVER_STATUS, PeeringConditionStatus.ESTABLISHED)));
    TenantNamespace tenantNamespace = new TenantNamespace();
    tenantNamespace.setLocal("liqo-tenant-" + CLUSTER_ID);
    tenantNamespace.setRemote("liqo-tenant-rome-3ae84f");
    status.setTenantNamespace(tenantNamespace);
    status.setApiServerUrl("https://172.18.0.2:6443");
    return resource(new ForeignCluster(), name, null, spec, status);
  }

  private static PeeringCondition peering(PeeringConditionType type, PeeringConditionStatus value) {
    PeeringCondition condition = new PeeringCondition();
    condition.setType(type);
    condition.setStatus(value);
    condition.setLastTransitionTime(TIME);
    condition.setReason(type.value() + value.value());
    condition.setMessage(type.value() + " is " + value.value());
    return condition;
  }

  static Tenant tenant(String namespace) {
    TenantSpec spec = new TenantSpec();
    spec.setClusterID("rome-3ae84f");
    spec.setAuthzPolicy(AuthzPolicy.KEYS_EXCHANGE);
    spec.setPublicKey(bytes("public key"));
    spec.setCsr(bytes("-----BEGIN CERTIFICATE REQUEST-----"));
    spec.setSignature(bytes("signature"));
    spec.setTenantCondition(TenantCondition.ACTIVE);
    TenantStatus status = new TenantStatus();
    status.setTenantNamespace(namespace);
    status.setAuthParams(authParams());
    return resource(new Tenant(), "rome", namespace, spec, status);
  }

  static Identity identity(String namespace) {
    IdentitySpec spec = new IdentitySpec();
    spec.setClusterID(CLUSTER_ID);
    spec.setType(IdentityType.CONTROL_PLANE);
    spec.setAuthParams(authParams());
    spec.setNamespace("liqo-tenant-rome-3ae84f");
    IdentityStatus status = new IdentityStatus();
    status.setKubeconfigSecretRef(new LocalObjectReference("kubeconfig-controlplane-milan"));
    return resource(new Identity(), "controlplane-milan", namespace, spec, status);
  }

  static ResourceSlice resourceSlice(String namespace) {
    ResourceSliceSpec spec = new ResourceSliceSpec();
    spec.setConsumerClusterID("rome-3ae84f");
    spec.setProviderClusterID(CLUSTER_ID);
    spec.setResources(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")));
    spec.setSliceClass("default");
    spec.setCsr(bytes("-----BEGIN CERTIFICATE REQUEST-----"));
    ResourceSliceCondition authentication = new ResourceSliceCondition();
    authentication.setType(ResourceSliceConditionType.AUTHENTICATION);
    authentication.setStatus(ResourceSliceConditionStatus.ACCEPTED);
    authentication.setLastTransitionTime(TIME);
    ResourceSliceStatus status = new ResourceSliceStatus();
    status.setConditions(List.of(authentication));
    status.setResources(Map.of("cpu", new Quantity("2"), "pods", new Quantity("110")));
    status.setAuthParams(authParams());
    status.setStorageClasses(List.of(storageClass()));
    status.setNodeLabels(Map.of("topology.liqo.io/region", "north"));
    status.setNodeSelector(Map.of("kubernetes.io/os", "linux"));
    return resource(new ResourceSlice(), "milan", namespace, spec, status);
  }

  static VirtualNode virtualNode(String namespace) {
    OffloadingPatch patch = new OffloadingPatch();
    patch.setLabelsNotReflected(List.of("app.kubernetes.io/managed-by"));
    patch.setNodeSelector(Map.of("kubernetes.io/os", "linux"));
    patch.setTolerations(List.of(Taints.virtualNodeToleration()));
    ResourceQuotaSpec quota = new ResourceQuotaSpec();
    quota.setHard(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")));
    VirtualNodeSpec spec = new VirtualNodeSpec();
    spec.setClusterID(CLUSTER_ID);
    spec.setOffloadingPatch(patch);
    spec.setCreateNode(true);
    spec.setDisableNetworkCheck(false);
    spec.setKubeconfigSecretRef(new LocalObjectReference("kubeconfig-resourceslice-milan"));
    spec.setResourceQuota(quota);
    spec.setLabels(Map.of("liqo.io/type", "virtual-node"));
    spec.setTaints(List.of(Taints.virtualNode()));
    spec.setStorageClasses(List.of(storageClass()));
    VirtualNodeCondition node = new VirtualNodeCondition();
    node.setType(VirtualNodeConditionType.NODE);
    node.setStatus(VirtualNodeConditionStatus.RUNNING);
    node.setLastTransitionTime(TIME);
    VirtualNodeStatus status = new VirtualNodeStatus();
    status.setConditions(List.of(node));
    return resource(new VirtualNode(), "milan", namespace, spec, status);
  }

  /** The NamespaceOffloading of the "offloading with policies" tutorial. */
  static NamespaceOffloading namespaceOffloading(String namespace) {
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.ENFORCE_SAME_NAME);
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    spec.setClusterSelector(
        new NodeSelectorBuilder()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("topology.liqo.io/region")
            .withOperator("In")
            .withValues("south")
            .endMatchExpression()
            .endNodeSelectorTerm()
            .build());
    NamespaceOffloadingStatus status = new NamespaceOffloadingStatus();
    status.setOffloadingPhase(OffloadingPhase.READY);
    status.setRemoteNamespaceName(namespace);
    status.setRemoteNamespacesConditions(
        Map.of(
            "florence-539f8b",
            List.of(
                remoteNamespace(
                    RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
                    ConditionStatus.FALSE,
                    "ClusterNotSelected")),
            "naples-7881be",
            List.of(
                remoteNamespace(
                    RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
                    ConditionStatus.TRUE,
                    "ClusterSelected"),
                remoteNamespace(
                    RemoteNamespaceConditionType.READY,
                    ConditionStatus.TRUE,
                    "RemoteNamespaceCreated"))));
    status.setObservedGeneration(1L);
    return resource(
        new NamespaceOffloading(), NamespaceOffloading.DEFAULT_NAME, namespace, spec, status);
  }

  private static RemoteNamespaceCondition remoteNamespace(
      RemoteNamespaceConditionType type, ConditionStatus value, String reason) {
    RemoteNamespaceCondition condition = new RemoteNamespaceCondition();
    condition.setType(type);
    condition.setStatus(value);
    condition.setReason(reason);
    condition.setMessage(reason);
    condition.setLastTransitionTime(TIME);
    return condition;
  }

  static NamespaceMap namespaceMap(String namespace) {
    NamespaceMapSpec spec = new NamespaceMapSpec();
    spec.setDesiredMapping(Map.of("liqo-demo", "liqo-demo-rome-3ae84f"));
    RemoteNamespaceStatus remote = new RemoteNamespaceStatus();
    remote.setRemoteNamespace("liqo-demo-rome-3ae84f");
    remote.setPhase(MappingPhase.ACCEPTED);
    NamespaceMapStatus status = new NamespaceMapStatus();
    status.setCurrentMapping(Map.of("liqo-demo", remote));
    return resource(new NamespaceMap(), "rome", namespace, spec, status);
  }

  static ShadowPod shadowPod(String namespace) {
    ShadowPodSpec spec = new ShadowPodSpec();
    spec.setPod(
        new PodSpecBuilder()
            .withContainers(
                new ContainerBuilder()
                    .withName("nginx")
                    .withImage("nginx:1.25")
                    .addNewPort()
                    .withContainerPort(80)
                    .withProtocol("TCP")
                    .endPort()
                    .withNewResources()
                    .addToRequests("cpu", new Quantity("100m"))
                    .endResources()
                    .build())
            .withRestartPolicy("Always")
            .build());
    ShadowPodStatus status = new ShadowPodStatus();
    status.setPhase(ShadowPodPhase.RUNNING);
    return resource(new ShadowPod(), "nginx-5d8f7", namespace, spec, status);
  }

  static ShadowEndpointSlice shadowEndpointSlice(String namespace) {
    EndpointSliceTemplate template = new EndpointSliceTemplate();
    template.setAddressType(EndpointAddressType.IPV4);
    template.setEndpoints(
        List.of(
            new EndpointBuilder()
                .withAddresses("10.200.1.5")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .withNodeName("liqo-milan")
                .build()));
    template.setPorts(
        List.of(
            new EndpointPortBuilder().withName("http").withPort(80).withProtocol("TCP").build()));
    ShadowEndpointSliceSpec spec = new ShadowEndpointSliceSpec();
    spec.setTemplate(template);
    return resource(new ShadowEndpointSlice(), "nginx-x7k2p", namespace, spec, null);
  }

  static Configuration configuration(String namespace) {
    ConfigurationSpec spec = new ConfigurationSpec();
    spec.setLocal(clusterConfig("10.200.0.0/16", "10.201.0.0/16"));
    spec.setRemote(clusterConfig("10.200.0.0/16", "10.201.0.0/16"));
    ConfigurationStatus status = new ConfigurationStatus();
    status.setRemote(clusterConfig("10.71.0.0/16", "10.72.0.0/16"));
    return resource(new Configuration(), "milan", namespace, spec, status);
  }

  static GatewayServer gatewayServer(String namespace) {
    GatewayEndpoint endpoint = new GatewayEndpoint();
    endpoint.setPort(51840);
    endpoint.setServiceType(ServiceType.NODE_PORT);
    endpoint.setNodePort(31840);
    GatewayServerSpec spec = new GatewayServerSpec();
    spec.setServerTemplateRef(reference("WgGatewayServerTemplate", "wireguard-server"));
    spec.setMtu(1340);
    spec.setEndpoint(endpoint);
    spec.setSecretRef(new LocalObjectReference("gateway-milan"));
    GatewayServerStatus status = new GatewayServerStatus();
    status.setServerRef(reference("Deployment", "gw-milan"));
    status.setEndpoint(endpointStatus());
    status.setInternalEndpoint(internalEndpoint());
    return resource(new GatewayServer(), "milan", namespace, spec, status);
  }

  static GatewayClient gatewayClient(String namespace) {
    GatewayClientSpec spec = new GatewayClientSpec();
    spec.setClientTemplateRef(reference("WgGatewayClientTemplate", "wireguard-client"));
    spec.setMtu(1340);
    spec.setEndpoint(endpointStatus());
    GatewayClientStatus status = new GatewayClientStatus();
    status.setClientRef(reference("Deployment", "gw-rome"));
    status.setSecretRef(reference("Secret", "gateway-rome"));
    status.setInternalEndpoint(internalEndpoint());
    return resource(new GatewayClient(), "rome", namespace, spec, status);
  }

  static PublicKey publicKey(String namespace) {
    PublicKeySpec spec = new PublicKeySpec();
    spec.setPublicKey(bytes("wireguard public key"));
    return resource(new PublicKey(), "milan", namespace, spec, null);
  }

  static Connection connection(String namespace) {
    ConnectionSpec spec = new ConnectionSpec();
    spec.setType(ConnectionType.SERVER);
    spec.setGatewayRef(reference("GatewayServer", "milan"));
    ConnectionLatency latency = new ConnectionLatency();
    latency.setValue("1.2ms");
    latency.setTimestamp(TIME);
    ConnectionStatus status = new ConnectionStatus();
    status.setValue(ConnectionState.CONNECTED);
    status.setLatency(latency);
    return resource(new Connection(), "milan", namespace, spec, status);
  }

  static Network network(String namespace) {
    NetworkSpec spec = new NetworkSpec();
    spec.setCidr("10.200.0.0/16");
    spec.setPreAllocated(2);
    NetworkStatus status = new NetworkStatus();
    status.setCidr("10.71.0.0/16");
    return resource(new Network(), "milan-pod", namespace, spec, status);
  }

  static IP ip(String namespace) {
    IPSpec spec = new IPSpec();
    spec.setIp("10.96.0.1");
    spec.setNetworkRef(reference("Network", "milan-external"));
    spec.setMasquerade(true);
    IPStatus status = new IPStatus();
    status.setIp("10.72.0.1");
    status.setCidr("10.72.0.0/16");
    return resource(new IP(), "api-server", namespace, spec, status);
  }

  private static AuthParams authParams() {
    AuthParams params = new AuthParams();
    params.setCa(bytes("-----BEGIN CERTIFICATE----- ca"));
    params.setSignedCRT(bytes("-----BEGIN CERTIFICATE----- client"));
    params.setApiServer("https://172.18.0.2:6443");
    return params;
  }

  private static StorageType storageClass() {
    StorageType storage = new StorageType();
    storage.setStorageClassName("standard");
    storage.setDefaultClass(true);
    return storage;
  }

  private static ClusterConfig clusterConfig(String pod, String external) {
    ClusterConfigCidr cidr = new ClusterConfigCidr();
    cidr.setPod(List.of(pod));
    cidr.setExternal(List.of(external));
    ClusterConfig config = new ClusterConfig();
    config.setCidr(cidr);
    return config;
  }

  private static EndpointStatus endpointStatus() {
    EndpointStatus endpoint = new EndpointStatus();
    endpoint.setAddresses(List.of("172.18.0.3"));
    endpoint.setPort(31840);
    endpoint.setProtocol(Protocol.UDP);
    return endpoint;
  }

  private static InternalGatewayEndpoint internalEndpoint() {
    InternalGatewayEndpoint endpoint = new InternalGatewayEndpoint();
    endpoint.setIp("10.80.0.2");
    endpoint.setNode("milan-worker");
    return endpoint;
  }

  private static ObjectReference reference(String kind, String name) {
    return new ObjectReferenceBuilder().withKind(kind).withName(name).build();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static <S, T, R extends CustomResource<S, T>> R resource(
      R resource, String name, String namespace, S spec, T status) {
    ObjectMeta metadata = new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
    resource.setMetadata(metadata);
    resource.setSpec(spec);
    resource.setStatus(status);
    return resource;
  }
}
