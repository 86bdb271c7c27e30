package io.liqojava.samples.liqoctl;

import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.core.install.AuthServiceType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Converts a flag value to a Liqo enum by the name written in resources ({@code DefaultName}),
 * ignoring case; an unknown value gets an error listing the accepted ones.
 */
abstract class EnumValueConverter<E extends Enum<E>>
    implements CommandLine.ITypeConverter<E>, Iterable<String> {

  private final List<E> constants;
  private final Function<E, String> name;

  EnumValueConverter(Class<E> type, Function<E, String> name) {
    this.constants = Arrays.asList(type.getEnumConstants());
    this.name = name;
  }

  @Override
  public E convert(String value) {
    return constants.stream()
        .filter(constant -> name.apply(constant).equalsIgnoreCase(value.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new CommandLine.TypeConversionException(
                    "'" + value + "' is not one of " + String.join(", ", names())));
  }

  /** The accepted values, for {@code ${COMPLETION-CANDIDATES}} in help. */
  @Override
  public Iterator<String> iterator() {
    return names().iterator();
  }

  private List<String> names() {
    return constants.stream().map(name).collect(Collectors.toList());
  }

  /** {@code --namespace-mapping-strategy}. */
  static final class MappingStrategy extends EnumValueConverter<NamespaceMappingStrategy> {
    MappingStrategy() {
      super(NamespaceMappingStrategy.class, NamespaceMappingStrategy::value);
    }
  }

  /** {@code --pod-offloading-strategy}. */
  static final class PodStrategy extends EnumValueConverter<PodOffloadingStrategy> {
    PodStrategy() {
      super(PodOffloadingStrategy.class, PodOffloadingStrategy::value);
    }
  }

  /** {@code --auth-service-type}. */
  static final class AuthServiceTypes extends EnumValueConverter<AuthServiceType> {
    AuthServiceTypes() {
      super(AuthServiceType.class, AuthServiceType::value);
    }
  }
}
