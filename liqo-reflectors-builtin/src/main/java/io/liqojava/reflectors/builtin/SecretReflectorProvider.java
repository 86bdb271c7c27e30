package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Secret;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects Secrets verbatim (type, data, labels, annotations) to the remote namespace, except that
 * {@code immutable} is not copied, so that the reflection follows later changes.
 *
 * <p>A service-account token ({@code type: kubernetes.io/service-account-token}) is reflected as an
 * {@code Opaque} Secret holding the same token, as in Liqo: the remote cluster has no such service
 * account, and its token controller would otherwise delete the Secret or fill it with a token of
 * its own. The {@code kubernetes.io/service-account.name} and {@code .uid} annotations are dropped,
 * and the service account's name is kept in the label {@value #SERVICE_ACCOUNT_NAME_LABEL}.
 */
public final class SecretReflectorProvider implements ReflectorProvider {

  /** On a reflected service-account token: the name of the local service account it belongs to. */
  public static final String SERVICE_ACCOUNT_NAME_LABEL = "offloading.liqo.io/service-account-name";

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public SecretReflectorProvider() {}

  @Override
  public String name() {
    return "secrets";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(Secret.class);
  }

  @Override
  public Reflector<Secret, Secret> create(ReflectorContext context) {
    return new SecretReflector(context);
  }
}
