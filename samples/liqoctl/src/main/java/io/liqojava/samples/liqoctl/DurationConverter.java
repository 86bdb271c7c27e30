package io.liqojava.samples.liqoctl;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses durations as liqoctl and kubectl write them: {@code 90s}, {@code 2m}, {@code 1m30s}. */
class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern GO_DURATION =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value);
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a positive duration: write it like 90s, 2m or 1m30s");
    }
    return duration;
  }

  /** A duration that may be 0, meaning "do not wait". */
  static final class ZeroAllowed extends DurationConverter {

    @Override
    public Duration convert(String value) {
      Duration duration = parse(value);
      if (duration == null || duration.isNegative()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration: write it like 90s, 2m or 1m30s, or 0 not to wait");
      }
      return duration;
    }
  }

  /** The duration written in {@code value}, or null when it is not one. */
  static Duration parse(String value) {
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = GO_DURATION.matcher(trimmed);
    if (!trimmed.isEmpty() && matcher.matches()) {
      return Duration.ofHours(number(matcher.group(1)))
          .plusMinutes(number(matcher.group(2)))
          .plusSeconds(number(matcher.group(3)));
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  /** Formats a duration the way it is parsed, e.g. {@code 1m30s}. */
  static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
