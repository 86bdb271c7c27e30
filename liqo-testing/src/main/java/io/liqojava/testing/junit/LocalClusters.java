package io.liqojava.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts local clusters once for the annotated test class and stops them after its last test. Test
 * methods, constructors and lifecycle methods receive them as parameters: a {@link
 * io.liqojava.testing.LocalCluster} parameter is matched by {@link Cluster @Cluster}, by its
 * parameter name (with {@code -parameters}), or is the only cluster; a {@link
 * io.liqojava.testing.TestBed} parameter receives them all.
 *
 * <pre>{@code
 * @LocalClusters({"rome", "milan"})
 * class PeeringTest {
 *   @Test
 *   void peers(@Cluster("rome") LocalCluster rome, @Cluster("milan") LocalCluster milan) { ... }
 * }
 * }</pre>
 *
 * <p>The clusters are shared by all tests of the class, so tests should not depend on each other's
 * leftovers: use distinct namespaces.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LocalClustersExtension.class)
public @interface LocalClusters {

  /** The cluster names, each a DNS label. */
  String[] value();

  /** Simulated worker nodes per cluster. */
  int nodes() default 1;
}
