package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.ApiGroups;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.core.runtime.ServerSideApply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the webhooks with the API server: a MutatingWebhookConfiguration and a
 * ValidatingWebhookConfiguration, both named {@value AgentRbac#WEBHOOK_CONFIGURATION}, whose CA
 * bundle is the webhook server's certificate and whose endpoint is a URL or a Service ({@link
 * WebhookEndpoint}). Every webhook uses AdmissionReview v1, has no side effects and a 10 s timeout.
 *
 * <table>
 *   <caption>The webhooks</caption>
 *   <tr><th>name</th><th>objects</th><th>scope</th><th>on failure</th></tr>
 *   <tr><td>{@value #POD_WEBHOOK}</td><td>pods, CREATE</td>
 *       <td>namespaces labelled {@code liqo.io/scheduling-enabled=true}</td><td>Fail</td></tr>
 *   <tr><td>{@value #DAEMONSET_WEBHOOK}</td><td>apps/v1 daemonsets, CREATE and UPDATE</td>
 *       <td>all namespaces</td><td>Ignore</td></tr>
 *   <tr><td>{@value #NAMESPACE_OFFLOADING_WEBHOOK}</td><td>namespaceoffloadings, CREATE and
 *       UPDATE</td><td>all namespaces</td><td>Fail</td></tr>
 * </table>
 */
public final class WebhookRegistration {

  /** The pod mutation webhook. */
  public static final String POD_WEBHOOK = "pod.mutate.offloading.liqo.io";

  /** The DaemonSet mutation webhook. */
  public static final String DAEMONSET_WEBHOOK = "daemonset.mutate.offloading.liqo.io";

  /** The NamespaceOffloading validation webhook. */
  public static final String NAMESPACE_OFFLOADING_WEBHOOK =
      "namespaceoffloading.validate.offloading.liqo.io";

  /** How long the API server waits for a webhook. */
  public static final int TIMEOUT_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

  private final KubernetesClient client;

  /**
   * @param client a client allowed to write the {@value AgentRbac#WEBHOOK_CONFIGURATION}
   *     configurations (the agent's, see {@link AgentRbac})
   */
  public WebhookRegistration(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Applies both configurations (server-side apply: idempotent, and a new certificate or endpoint
   * replaces the old one).
   *
   * @param caBundlePem the PEM certificate the API server must trust to call the webhooks
   * @param endpoint where the API server reaches them
   */
  public void apply(String caBundlePem, WebhookEndpoint endpoint) {
    ServerSideApply.apply(client, mutatingConfiguration(caBundlePem, endpoint));
    ServerSideApply.apply(client, validatingConfiguration(caBundlePem, endpoint));
    LOG.info(
        "Registered the webhooks {}, {} and {} at {}",
        POD_WEBHOOK,
        DAEMONSET_WEBHOOK,
        NAMESPACE_OFFLOADING_WEBHOOK,
        endpoint);
  }

  /**
   * Deletes both configurations, so that the API server stops calling the webhooks (uninstall).
   *
   * @return whether there was anything to delete
   */
  public boolean remove() {
    boolean mutating =
        !client
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withName(AgentRbac.WEBHOOK_CONFIGURATION)
            .delete()
            .isEmpty();
    boolean validating =
        !client
            .admissionRegistration()
            .v1()
            .validatingWebhookConfigurations()
            .withName(AgentRbac.WEBHOOK_CONFIGURATION)
            .delete()
            .isEmpty();
    if (mutating || validating) {
      LOG.info("Removed the webhook configurations {}", AgentRbac.WEBHOOK_CONFIGURATION);
    }
    return mutating || validating;
  }

  /** The MutatingWebhookConfiguration of the pod and DaemonSet webhooks. */
  public static MutatingWebhookConfiguration mutatingConfiguration(
      String caBundlePem, WebhookEndpoint endpoint) {
    MutatingWebhook pods =
        mutating(POD_WEBHOOK, WebhookPaths.POD, caBundlePem, endpoint)
            .withRules(rule("", "v1", "pods", "CREATE"))
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .addToMatchLabels(Labels.SCHEDULING_ENABLED, Labels.TRUE)
                    .build())
            .withFailurePolicy("Fail")
            .build();
    MutatingWebhook daemonSets =
        mutating(DAEMONSET_WEBHOOK, WebhookPaths.DAEMONSET, caBundlePem, endpoint)
            .withRules(rule("apps", "v1", "daemonsets", "CREATE", "UPDATE"))
            .withFailurePolicy("Ignore")
            .build();
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(AgentRbac.WEBHOOK_CONFIGURATION)
        .endMetadata()
        .withWebhooks(pods, daemonSets)
        .build();
  }

  /** The ValidatingWebhookConfiguration of the NamespaceOffloading webhook. */
  public static ValidatingWebhookConfiguration validatingConfiguration(
      String caBundlePem, WebhookEndpoint endpoint) {
    return new ValidatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(AgentRbac.WEBHOOK_CONFIGURATION)
        .endMetadata()
        .withWebhooks(
            new ValidatingWebhookBuilder()
                .withName(NAMESPACE_OFFLOADING_WEBHOOK)
                .withClientConfig(
                    endpoint.clientConfig(WebhookPaths.NAMESPACE_OFFLOADING, caBundlePem))
                .withRules(
                    rule(
                        ApiGroups.OFFLOADING,
                        ApiGroups.VERSION,
                        "namespaceoffloadings",
                        "CREATE",
                        "UPDATE"))
                .withFailurePolicy("Fail")
                .withSideEffects("None")
                .withAdmissionReviewVersions("v1")
                .withTimeoutSeconds(TIMEOUT_SECONDS)
                .build())
        .build();
  }

  static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static MutatingWebhookBuilder mutating(
      String name, String path, String caBundlePem, WebhookEndpoint endpoint) {
    return new MutatingWebhookBuilder()
        .withName(name)
        .withClientConfig(endpoint.clientConfig(path, caBundlePem))
        .withSideEffects("None")
        .withAdmissionReviewVersions("v1")
        .withTimeoutSeconds(TIMEOUT_SECONDS)
        .withReinvocationPolicy("Never");
  }

  private static RuleWithOperations rule(
      String group, String version, String resource, String... operations) {
    return new RuleWithOperationsBuilder()
        .withApiGroups(group)
        .withApiVersions(version)
        .withResources(resource)
        .withOperations(List.of(operations))
        .withScope("Namespaced")
        .build();
  }
}
