package io.liqojava.testing.junit;

import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.NodeSpec;
import io.liqojava.testing.TestBed;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalClusters}: starts the test bed before the first test of
 * the class and closes it when the class's extension context closes, whether the tests passed or
 * failed.
 */
public final class LocalClustersExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalClustersExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    testBed(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalCluster.class || type == TestBed.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestBed bed = testBed(context);
    if (parameter.getParameter().getType() == TestBed.class) {
      return bed;
    }
    return select(bed, parameter.getParameter());
  }

  private static LocalCluster select(TestBed bed, Parameter parameter) {
    Cluster named = parameter.getAnnotation(Cluster.class);
    if (named != null) {
      return bed.cluster(named.value());
    }
    List<LocalCluster> clusters = bed.clusters();
    if (clusters.size() == 1) {
      return clusters.get(0);
    }
    if (parameter.isNamePresent()) {
      for (LocalCluster cluster : clusters) {
        if (cluster.name().equals(parameter.getName())) {
          return cluster;
        }
      }
    }
    throw new ParameterResolutionException(
        "cannot tell which local cluster parameter '"
            + parameter.getName()
            + "' wants: annotate it with @Cluster(\"name\"), one of "
            + clusters.stream().map(LocalCluster::name).toList());
  }

  /** The test bed of the closest enclosing class annotated with {@link LocalClusters}. */
  private static TestBed testBed(ExtensionContext context) {
    ExtensionContext owner = context;
    while (owner.getTestClass().isPresent()
        && owner.getParent().isPresent()
        && !isAnnotated(owner)) {
      owner = owner.getParent().get();
    }
    LocalClusters annotation = annotation(owner);
    ExtensionContext classContext = owner;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Holder.class, k -> new Holder(start(annotation)), Holder.class)
        .bed();
  }

  private static boolean isAnnotated(ExtensionContext context) {
    return context.getElement().isPresent()
        && context.getElement().get() instanceof Class<?> type
        && AnnotationSupport.isAnnotated(type, LocalClusters.class);
  }

  private static LocalClusters annotation(ExtensionContext context) {
    return context
        .getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, LocalClusters.class))
        .orElseThrow(
            () ->
                new ParameterResolutionException(
                    "local clusters are only available in classes annotated with @LocalClusters"));
  }

  private static TestBed start(LocalClusters annotation) {
    if (annotation.nodes() < 1) {
      throw new IllegalArgumentException("@LocalClusters(nodes) must be at least 1");
    }
    TestBed.Builder builder = TestBed.builder();
    for (String name : annotation.value()) {
      builder.cluster(
          ClusterSpec.builder()
              .name(name)
              .nodes(Collections.nCopies(annotation.nodes(), NodeSpec.defaults()))
              .build());
    }
    return builder.start();
  }

  /** Closes the test bed when JUnit closes the store of the class that owns it. */
  private record Holder(TestBed bed) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      bed.close();
    }
  }
}
