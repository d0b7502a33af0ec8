package io.stratum.sdk.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of typed flags and parameters (whole numbers, true/false, paths, durations):
 * each refuses a bad value saying what it expects, in words (picocli's own say "is not an int").
 * {@link CliErrors} puts the flag's name in front.
 */
final class OptionTypes {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    private OptionTypes() {}

    /** Registers the converters on {@code cli} and every subcommand it has now. */
    static void register(CommandLine cli) {
        CommandLine.ITypeConverter<Integer> whole = OptionTypes::wholeNumber;
        cli.registerConverter(int.class, whole).registerConverter(Integer.class, whole)
                .registerConverter(boolean.class, OptionTypes::bool).registerConverter(Boolean.class, OptionTypes::bool)
                .registerConverter(Path.class, OptionTypes::path).registerConverter(Duration.class, OptionTypes::duration);
    }

    static int wholeNumber(String text) {
        if (!text.matches("-?\\d{1,9}")) {
            throw new TypeConversionException("expected a whole number, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    static boolean bool(String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        throw new TypeConversionException("expected true or false, got '" + text + "'");
    }

    static Path path(String text) {
        if (text.isBlank()) {
            throw new TypeConversionException("expected a path, got '" + text + "'");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a path: '" + text.replace("\0", "\\0") + "' (" + e.getReason() + ")");
        }
    }

    /** @return a duration: a number of seconds, or a number with {@code ms}, {@code s} or {@code m} */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("expected a number of seconds, or a number with ms, s or m (e.g. 10s),"
                    + " got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2) == null || m.group(2).equals("s") ? Duration.ofSeconds(n)
                : m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofMinutes(n);
    }
}
