package io.liqojava.core.install;

/**
 * How the Service {@value InstallManifests#AUTH_SERVICE} exposes the authentication service to
 * peers, as in Liqo: a LoadBalancer (the default), a NodePort (clusters without load balancers,
 * such as KinD and k3s, whose nodes peers can reach) or a ClusterIP (peers reach it through an
 * Ingress or a flat network, with {@code --auth-advertised-url}).
 */
public enum AuthServiceType {
  LOAD_BALANCER("LoadBalancer"),
  NODE_PORT("NodePort"),
  CLUSTER_IP("ClusterIP");

  private final String value;

  AuthServiceType(String value) {
    this.value = value;
  }

  /** The Service {@code spec.type}, such as {@code LoadBalancer}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
