package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and connects to a cluster the way kubectl does: the file given with {@code --kubeconfig},
 * else the files listed in {@code KUBECONFIG} (merged, the first to define an entry wins), else
 * {@code ~/.kube/config}, else the in-cluster service account; the context given with {@code
 * --context}, else the current one. Every way this can go wrong gives an error that names the file
 * or the URL and the fix.
 */
final class ClusterAccess {

  private static final int CONNECTION_TIMEOUT_MILLIS = 5_000;
  private static final int REQUEST_RETRIES = 2;

  private final Optional<Path> kubeconfig;
  private final Optional<String> context;
  private final String kubeconfigFlag;
  private final Map<String, String> environment;

  /**
   * @param kubeconfig the file given on the command line, if any
   * @param context the context given on the command line, if any
   * @param kubeconfigFlag the flag that names the file, for messages ({@code --kubeconfig})
   * @param environment where {@code KUBECONFIG}, {@code HOME} and in-cluster variables are read
   */
  ClusterAccess(
      Path kubeconfig, String context, String kubeconfigFlag, Map<String, String> environment) {
    this.kubeconfig = Optional.ofNullable(kubeconfig);
    this.context = Optional.ofNullable(context).filter(c -> !c.isBlank());
    this.kubeconfigFlag = kubeconfigFlag;
    this.environment = environment;
  }

  /**
   * Connects and checks that the API server answers.
   *
   * @throws CliException when no kubeconfig is found, it is invalid, the context does not exist, or
   *     the API server cannot be reached or refuses the credentials
   */
  Cluster connect() {
    List<Path> files = kubeconfigFiles();
    Config config;
    String contextName;
    String source;
    if (files.isEmpty()) {
      config = Config.autoConfigure(context.orElse(null));
      contextName = "";
      source = "the in-cluster service account";
    } else {
      Map<Path, io.fabric8.kubernetes.api.model.Config> parsed = new LinkedHashMap<>();
      for (Path file : files) {
        parsed.put(file, parse(file));
      }
      source = "kubeconfig " + files.stream().map(Path::toString).collect(Collectors.joining(":"));
      contextName = selectContext(parsed, source);
      config = load(files, contextName);
    }
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    Cluster cluster = new Cluster(client, contextName, source);
    try {
      client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      client.close();
      throw new CliException(Errors.unreachable(cluster, e), e);
    }
    return cluster;
  }

  /**
   * The server and context of the selected kubeconfig, read without contacting the cluster; empty
   * when there is no kubeconfig at all (neither given, nor in {@code KUBECONFIG}, nor {@code
   * ~/.kube/config}).
   *
   * @throws CliException when a kubeconfig given or listed is missing or invalid, or the context
   *     does not exist
   */
  Optional<Kubeconfig> kubeconfig() {
    if (kubeconfig.isEmpty()
        && environment.getOrDefault("KUBECONFIG", "").isBlank()
        && !Files.isRegularFile(standardKubeconfig())) {
      return Optional.empty();
    }
    List<Path> files = kubeconfigFiles();
    Map<Path, io.fabric8.kubernetes.api.model.Config> parsed = new LinkedHashMap<>();
    for (Path file : files) {
      parsed.put(file, parse(file));
    }
    String source =
        "kubeconfig " + files.stream().map(Path::toString).collect(Collectors.joining(":"));
    String contextName = selectContext(parsed, source);
    String server = load(files, contextName).getMasterUrl();
    return Optional.of(
        new Kubeconfig(server == null ? "" : server.replaceAll("/$", ""), contextName, source));
  }

  /**
   * A kubeconfig's selection, as read without connecting.
   *
   * @param server the API server URL of the selected context
   * @param context the selected context
   * @param source where it came from, such as {@code kubeconfig liqo_kubeconf_rome}
   */
  record Kubeconfig(String server, String context, String source) {}

  /** The kubeconfig files to merge, in precedence order; empty for in-cluster access. */
  private List<Path> kubeconfigFiles() {
    if (kubeconfig.isPresent()) {
      Path file = kubeconfig.get();
      if (!Files.isRegularFile(file)) {
        throw new CliException(
            "the kubeconfig file "
                + file
                + " does not exist: pass an existing file with "
                + kubeconfigFlag
                + " (the local clusters of './local-clusters up' write liqo_kubeconf_NAME)");
      }
      if (!Files.isReadable(file)) {
        throw new CliException(
            "the kubeconfig file " + file + " cannot be read: check its permissions");
      }
      return List.of(file);
    }
    String variable = environment.getOrDefault("KUBECONFIG", "");
    if (!variable.isBlank()) {
      List<Path> listed =
          Arrays.stream(variable.split(File.pathSeparator))
              .filter(entry -> !entry.isBlank())
              .map(Path::of)
              .toList();
      List<Path> existing = listed.stream().filter(Files::isRegularFile).toList();
      if (existing.isEmpty()) {
        throw new CliException(
            "KUBECONFIG is "
                + variable
                + ", but no such file exists: point KUBECONFIG to a kubeconfig file, or pass "
                + kubeconfigFlag
                + " FILE");
      }
      return existing;
    }
    Path standard = standardKubeconfig();
    if (Files.isRegularFile(standard)) {
      return List.of(standard);
    }
    if (environment.containsKey("KUBERNETES_SERVICE_HOST")) {
      return List.of();
    }
    throw new CliException(
        "no kubeconfig: "
            + kubeconfigFlag
            + " is not given, KUBECONFIG is not set and "
            + standard
            + " does not exist. Pass "
            + kubeconfigFlag
            + " FILE or export KUBECONFIG=FILE (for the local clusters of './local-clusters up':"
            + " liqo_kubeconf_NAME)");
  }

  private Path standardKubeconfig() {
    Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    return home.resolve(".kube").resolve("config");
  }

  private static io.fabric8.kubernetes.api.model.Config parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("the kubeconfig file " + file + " cannot be read: " + e, e);
    }
    io.fabric8.kubernetes.api.model.Config parsed;
    try {
      Object value =
          new KubernetesSerialization()
              .unmarshal(text, io.fabric8.kubernetes.api.model.Config.class);
      parsed = (io.fabric8.kubernetes.api.model.Config) value;
    } catch (RuntimeException e) {
      throw new CliException(
          "the kubeconfig file "
              + file
              + " is not a valid kubeconfig ("
              + Errors.rootMessage(e)
              + "): fix it, or pass another file",
          e);
    }
    if (parsed == null || parsed.getClusters() == null || parsed.getClusters().isEmpty()) {
      throw new CliException(
          "the kubeconfig file "
              + file
              + " defines no cluster: is it a kubeconfig? Pass the kubeconfig of the cluster");
    }
    return parsed;
  }

  private String selectContext(
      Map<Path, io.fabric8.kubernetes.api.model.Config> files, String source) {
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    String current = null;
    for (io.fabric8.kubernetes.api.model.Config file : files.values()) {
      if (file.getContexts() != null) {
        file.getContexts().forEach(c -> contexts.putIfAbsent(c.getName(), c));
      }
      file.getClusters().forEach(c -> clusters.putIfAbsent(c.getName(), c));
      if (current == null
          && file.getCurrentContext() != null
          && !file.getCurrentContext().isBlank()) {
        current = file.getCurrentContext();
      }
    }
    String contextFlag = kubeconfigFlag.equals("--kubeconfig") ? "--context" : "--remote-context";
    String selected = context.orElse(current);
    if (selected == null) {
      throw new CliException(
          source
              + " has no current context: pass "
              + contextFlag
              + " NAME, one of "
              + new ArrayList<>(contexts.keySet()));
    }
    NamedContext named = contexts.get(selected);
    if (named == null) {
      throw new CliException(
          "context '"
              + selected
              + "' is not in "
              + source
              + ": pass "
              + contextFlag
              + " with one of "
              + new ArrayList<>(contexts.keySet()));
    }
    String clusterName = named.getContext() == null ? null : named.getContext().getCluster();
    if (clusterName == null || !clusters.containsKey(clusterName)) {
      throw new CliException(
          "context '"
              + selected
              + "' in "
              + source
              + " refers to cluster '"
              + clusterName
              + "', which is not defined there: fix the kubeconfig");
    }
    return selected;
  }

  private static Config load(List<Path> files, String contextName) {
    try {
      if (files.size() == 1) {
        return Config.fromKubeconfig(contextName, files.get(0).toFile());
      }
      return autoConfigureFrom(files, contextName);
    } catch (KubernetesClientException e) {
      throw new CliException(
          "cannot use context '"
              + contextName
              + "' of kubeconfig "
              + files.stream().map(Path::toString).collect(Collectors.joining(":"))
              + ": "
              + Errors.rootMessage(e),
          e);
    }
  }

  /** fabric8 merges several kubeconfig files only when it finds them itself, through a property. */
  private static synchronized Config autoConfigureFrom(List<Path> files, String contextName) {
    String previous = System.getProperty(Config.KUBERNETES_KUBECONFIG_FILE);
    System.setProperty(
        Config.KUBERNETES_KUBECONFIG_FILE,
        files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    try {
      return Config.autoConfigure(contextName);
    } finally {
      if (previous == null) {
        System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
      } else {
        System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, previous);
      }
    }
  }
}
