package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.liqojava.api.consts.Annotations;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Map;
import java.util.Optional;

/** Forges the remote Secret of a local one; see {@link SecretReflectorProvider}. */
final class SecretReflector implements Reflector<Secret, Secret> {

  private static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
  private static final String OPAQUE = "Opaque";
  private static final String SERVICE_ACCOUNT_NAME = "kubernetes.io/service-account.name";
  private static final String SERVICE_ACCOUNT_UID = "kubernetes.io/service-account.uid";

  private static final int MAX_LABEL_VALUE_LENGTH = 63;

  private final ReflectorContext context;

  SecretReflector(ReflectorContext context) {
    this.context = context;
  }

  @Override
  public Class<Secret> sourceType() {
    return Secret.class;
  }

  @Override
  public Class<Secret> targetType() {
    return Secret.class;
  }

  @Override
  public Optional<Secret> forge(Secret source) {
    ObjectMeta metadata =
        ReflectedMetadata.of(source, source.getMetadata().getName(), context.policy());
    SecretBuilder target =
        new SecretBuilder().withType(source.getType()).withData(source.getData());
    if (SERVICE_ACCOUNT_TOKEN.equals(source.getType())) {
      target.withType(OPAQUE);
      metadata = asOpaque(source, metadata);
    }
    return Optional.of(target.withMetadata(metadata).build());
  }

  /** {@code metadata} with the service account moved from the annotations to a label. */
  private static ObjectMeta asOpaque(Secret source, ObjectMeta metadata) {
    Map<String, String> annotations = source.getMetadata().getAnnotations();
    String serviceAccount = annotations == null ? null : annotations.get(SERVICE_ACCOUNT_NAME);
    ObjectMetaBuilder opaque =
        new ObjectMetaBuilder(metadata)
            .removeFromAnnotations(SERVICE_ACCOUNT_NAME)
            .removeFromAnnotations(SERVICE_ACCOUNT_UID);
    if (serviceAccount == null) {
      return opaque.build();
    }
    if (serviceAccount.length() > MAX_LABEL_VALUE_LENGTH) {
      throw ReflectionException.rejected(
          "Secret "
              + source.getMetadata().getName()
              + " holds the token of service account '"
              + serviceAccount
              + "', whose name is longer than the "
              + MAX_LABEL_VALUE_LENGTH
              + " characters of a label value, so its reflection cannot carry the label "
              + SecretReflectorProvider.SERVICE_ACCOUNT_NAME_LABEL
              + ": use a shorter service account name, or annotate the Secret "
              + Annotations.SKIP_REFLECTION
              + "=true");
    }
    return opaque
        .addToLabels(SecretReflectorProvider.SERVICE_ACCOUNT_NAME_LABEL, serviceAccount)
        .build();
  }
}
