/**
 * The Reflector service-provider interface: what a plugin implements to reflect a kind of resource
 * between a namespace of the local cluster and its twin in a peered cluster.
 *
 * <p>A plugin is a jar with three parts:
 *
 * <ol>
 *   <li>a {@link io.liqojava.reflection.spi.ReflectorProvider}, registered in {@code
 *       META-INF/services/io.liqojava.reflection.spi.ReflectorProvider}, that names the resource it
 *       handles;
 *   <li>a {@link io.liqojava.reflection.spi.Reflector}, created per namespace pair from a {@link
 *       io.liqojava.reflection.spi.ReflectorContext}, whose {@code forge} turns a source object
 *       into the target object;
 *   <li>tests that extend {@code io.liqojava.testing.reflection.ReflectorContractTest} from {@code
 *       liqo-testing}, which run the reflector in the real reflection manager against two local
 *       control planes.
 * </ol>
 *
 * <pre>{@code
 * public final class GreetingReflectorProvider implements ReflectorProvider {
 *   public String name() { return "greetings"; }
 *   public ReflectedResource resource() { return ReflectedResource.of(Greeting.class); }
 *   public Reflector<?, ?> create(ReflectorContext context) {
 *     return new Reflector<Greeting, Greeting>() {
 *       public Class<Greeting> sourceType() { return Greeting.class; }
 *       public Class<Greeting> targetType() { return Greeting.class; }
 *       public Optional<Greeting> forge(Greeting source) {
 *         Greeting target = new Greeting();
 *         target.setMetadata(new ObjectMetaBuilder()
 *             .withName(source.getMetadata().getName())
 *             .withLabels(context.policy().reflectedLabels(source.getMetadata().getLabels()))
 *             .build());
 *         target.setSpec(source.getSpec());
 *         return Optional.of(target);
 *       }
 *     };
 *   }
 * }
 * }</pre>
 *
 * <p>The reflection manager (in {@code liqo-core}) owns watching, queueing, retries, ownership,
 * policy, writes, deletions, events and metrics, so that every reflector behaves the same under
 * concurrency, restarts and lost connections.
 */
package io.liqojava.reflection.spi;
