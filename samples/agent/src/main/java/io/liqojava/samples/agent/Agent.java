package io.liqojava.samples.agent;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.core.agent.AgentConfig;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.agent.ImmutableAgentConfig;
import io.liqojava.core.agent.LiqoAgent;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The liqo-java agent of one cluster: serves its authentication service and runs its peering
 * controllers, virtual nodes and resource reflection until stopped (SIGTERM or Ctrl+C). Reflector
 * plugins are picked up from the classpath. In a cluster it runs as a Deployment with the
 * ServiceAccount {@code liqo/liqo-agent} that {@code liqoctl install} creates; elsewhere it is
 * given a kubeconfig.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    versionProvider = Agent.Version.class,
    header = "Runs the liqo-java agent of one cluster.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "Runs the liqo-java agent of one cluster until SIGTERM or Ctrl+C: its authentication"
          + " service, its peering controllers and virtual nodes, namespace and pod offloading,"
          + " resource reflection (reflector plugins are found on the classpath) and admission"
          + " webhooks. It waits for 'liqoctl install' when Liqo is not installed yet.",
      "In the cluster it serves it publishes the URL of its authentication service (ConfigMap"
          + " liqo/liqo-auth-service), renews its heartbeat (Lease liqo/liqo-agent), registers"
          + " the webhook configurations liqo-webhooks, and manages Liqo's resources: tenant"
          + " namespaces, virtual nodes, twin namespaces, reflected objects and offloaded pods.",
      "In a cluster it runs with the ServiceAccount liqo/liqo-agent that 'liqoctl install'"
          + " creates; elsewhere it is given a kubeconfig. Embedders configure the same through"
          + " io.liqojava.core.agent.AgentConfig."
    },
    footer = {
      "",
      "Examples:",
      "  java -jar agent.jar --kubeconfig liqo_kubeconf_rome",
      "  java -jar agent.jar --kubeconfig liqo_kubeconf_rome \\",
      "      --reflection-workers Secret=0 --reflection-policy ConfigMap=AllowList",
      "  java -cp agent.jar:reflector-plugin.jar io.liqojava.samples.agent.Agent \\",
      "      --list-reflectors",
      "  java -jar agent.jar --auth-bind-address 0.0.0.0 --auth-port 8443 \\",
      "      --auth-advertised-url https://rome.example.com:8443   # in-cluster",
      "  java -jar agent.jar --kubeconfig liqo_kubeconf_milan \\",
      "      --resource-sharing-percentage 30 --no-webhooks"
    })
public final class Agent implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "The kubeconfig of the cluster (default: $KUBECONFIG or ~/.kube/config when present,"
              + " else the pod's service account, as in a Deployment).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context to use (default: the current context).")
  String context;

  @Option(
      names = "--auth-bind-address",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address the authentication service listens on (default: ${DEFAULT-VALUE}).")
  String authBindAddress;

  @Option(
      names = "--auth-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The port of the authentication service; 0 picks a free one (default: 0).")
  int authPort;

  @Option(
      names = "--auth-advertised-url",
      paramLabel = "URL",
      description =
          "The URL consumers reach the authentication service at, when it differs from"
              + " https://ADDRESS:PORT (behind a Service or a load balancer).")
  String authAdvertisedUrl;

  @Option(
      names = "--auth-service",
      paramLabel = "NAMESPACE/NAME",
      description =
          "Advertise the address of this Service as the authentication service's URL: a"
              + " LoadBalancer's ingress, a node's address and the NodePort, or the cluster IP"
              + " (in-cluster, as 'liqoctl install --only-output' renders it). Exclusive with"
              + " --auth-advertised-url.")
  String authService;

  @Option(
      names = "--api-server-url",
      paramLabel = "URL",
      description =
          "The API server URL advertised to consumers (default: the one of the kubeconfig).")
  String apiServerUrl;

  @Option(
      names = "--resource-sharing-percentage",
      paramLabel = "PERCENT",
      defaultValue = "50",
      description =
          "The share of this cluster's allocatable resources granted to each consumer that asks"
              + " for no explicit amount (default: ${DEFAULT-VALUE}).")
  int resourceSharingPercentage;

  @CommandLine.Mixin ReflectionOptions reflection = new ReflectionOptions();

  @CommandLine.Mixin WebhookOptions webhooks = new WebhookOptions();

  @Option(
      names = "--list-reflectors",
      description =
          "Prints the reflector providers on the classpath (built-in and plugins) and which one"
              + " reflects each resource, then exits.")
  boolean listReflectors;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the agent until the JVM is asked to stop; exits 1 when it cannot start. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Agent()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    ReflectorRegistry reflectors;
    try {
      reflectors = ReflectorRegistry.discover();
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return 1;
    }
    AgentConfig config = agentConfig(reflectors);
    if (listReflectors) {
      new ReflectorListing(reflectors, config.reflection()).print(spec.commandLine().getOut());
      return 0;
    }
    Config clientConfig;
    try {
      clientConfig = clientConfig();
    } catch (KubernetesClientException | IllegalStateException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return 1;
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(clientConfig).build();
    AtomicReference<LiqoAgent> running = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  LOG.info("Stopping the agent");
                  LiqoAgent agent = running.get();
                  if (agent == null) {
                    main.interrupt(); // still starting
                  } else {
                    agent.close();
                  }
                  client.close();
                  LOG.info("Agent stopped");
                  stopped.countDown();
                },
                "liqo-agent-shutdown"));
    LOG.info(
        "liqo-java agent {} starting for the cluster at {}",
        Version.version(),
        client.getMasterUrl());
    try {
      running.set(LiqoAgent.start(client, config, reflectors, new SimpleMeterRegistry()));
    } catch (RuntimeException e) {
      if (stopping.get()) {
        stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return 0;
      }
      LOG.error("The agent cannot start: {}", e.getMessage(), e);
      return 1;
    }
    if (stopping.get()) {
      running.get().close();
      return 0;
    }
    stopped.await();
    return 0;
  }

  /** The configuration the flags describe; package-private for the reference test. */
  AgentConfig agentConfig(ReflectorRegistry reflectors) {
    try {
      ImmutableAgentConfig.Builder builder =
          AgentConfig.builder()
              .reflection(reflection.toConfig(reflectors))
              .authBindAddress(authBindAddress)
              .authPort(authPort)
              .resourceSharingPercentage(resourceSharingPercentage)
              .webhooksEnabled(webhooks.enabled())
              .webhooks(webhooks.toSettings());
      if (authAdvertisedUrl != null) {
        builder.authAdvertisedUrl(authAdvertisedUrl);
      }
      if (authService != null) {
        if (authAdvertisedUrl != null) {
          throw new IllegalArgumentException(
              "--auth-service and --auth-advertised-url exclude each other: the first takes the"
                  + " advertised URL from a Service, the second gives it");
        }
        try {
          builder.authService(AuthServiceEndpoint.ServiceName.parse(authService));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Invalid value for option '--auth-service': " + e.getMessage(), e);
        }
      }
      if (apiServerUrl != null) {
        builder.apiServerUrl(apiServerUrl);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Config clientConfig() {
    if (kubeconfig == null) {
      return Config.autoConfigure(context);
    }
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalStateException(
          "the kubeconfig file " + kubeconfig + " does not exist: pass an existing file");
    }
    return Config.fromKubeconfig(context, kubeconfig.toFile());
  }

  /** The agent's version, from its jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      return new String[] {"liqo-java agent " + version()};
    }

    static String version() {
      String version = Agent.class.getPackage().getImplementationVersion();
      return version == null ? "(development build)" : version;
    }
  }
}
