package org.carehotline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.routing.hours.OpeningHours;
import org.carehotline.routing.hours.OutOfHoursAction;

/**
 * The raw settings merged from the defaults file, {@code HOTLINE_*} environment variables and
 * {@code --key=value} arguments (later wins), with typed readers. Readers never throw: they
 * collect problems, and {@link #throwIfInvalid()} reports them all at once.
 */
final class Settings {

    private final ConfigKeys keys;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    Settings(ConfigKeys keys, Map<String, String> env, List<String> args) {
        this.keys = keys;
        for (ConfigKeys.Key key : keys.all()) {
            values.put(key.name(), key.defaultValue());
            sources.put(key.name(), key.name());
        }
        readEnvironment(env);
        readArguments(args);
    }

    private void readEnvironment(Map<String, String> env) {
        Map<String, String> byEnvName = new LinkedHashMap<>();
        keys.all().forEach(key -> byEnvName.put(key.envName(), key.name()));
        env.forEach((name, value) -> {
            if (!name.startsWith("HOTLINE_")) {
                return;
            }
            String key = byEnvName.get(name);
            if (key == null) {
                problems.add(name + ": unknown setting (see --help for the list of keys)");
            } else {
                values.put(key, value.strip());
                sources.put(key, name);
            }
        });
    }

    private void readArguments(List<String> args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                problems.add(arg + ": expected --key=value (see --help)");
                continue;
            }
            String key = arg.substring(2, eq);
            if (!keys.contains(key)) {
                problems.add("--" + key + ": unknown setting (see --help for the list of keys)");
            } else {
                values.put(key, arg.substring(eq + 1).strip());
                sources.put(key, "--" + key);
            }
        }
    }

    String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no such key in the defaults file: " + key);
        }
        return value;
    }

    String nonEmpty(String key) {
        String value = string(key);
        if (value.isEmpty()) {
            fail(key, value, "a non-empty value");
        }
        return value;
    }

    int integer(String key, int min, int max) {
        String value = string(key);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(key, value, "a whole number from " + min + " to " + max);
        return min;
    }

    /** A port to listen on: 1-65535, or 0 for any free port (the log says which). */
    int listenPort(String key) {
        String value = string(key);
        if (value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535) {
            return Integer.parseInt(value);
        }
        fail(key, value, "a port number from 1 to 65535 (0: any free port)");
        return 0;
    }

    /** A port to connect to: 1-65535. */
    int port(String key) {
        return integer(key, 1, 65535);
    }

    boolean bool(String key) {
        String value = string(key);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        fail(key, value, "true or false");
        return false;
    }

    /** An optional MongoDB URI: empty, or mongodb:// / mongodb+srv:// with a host. */
    String mongoUri(String key) {
        String value = string(key);
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean known = "mongodb".equals(scheme) || "mongodb+srv".equals(scheme);
            if (known && uri.getAuthority() != null && !uri.getAuthority().isBlank()) {
                return value;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        fail(key, value, "empty (embedded server) or a URI like mongodb://host:27017/carehotline");
        return "";
    }

    Path path(String key) {
        return Path.of(nonEmpty(key));
    }

    /** Empty (the file the jar carries), or a file's path; the file's reader copes with its absence. */
    Optional<Path> optionalPath(String key) {
        String value = string(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Empty (the files the jar carries), or an existing folder: a mistyped override must not pass unseen. */
    Optional<Path> optionalFolder(String key) {
        Optional<Path> folder = optionalPath(key);
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            fail(key, string(key), "empty (the files in the jar) or an existing folder");
            return Optional.empty();
        }
        return folder;
    }

    ZoneId zone(String key) {
        String value = string(key);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            fail(key, value, "a time zone id like Asia/Shanghai");
            return ZoneId.of("Asia/Shanghai");
        }
    }

    String oneOf(String key, List<String> accepted) {
        String value = string(key);
        if (!accepted.contains(value)) {
            fail(key, value, "one of " + String.join(", ", accepted));
        }
        return value;
    }

    /** Empty, or a dialable number: digits with an optional leading +. */
    String digits(String key) {
        String value = string(key);
        if (!value.isEmpty() && !value.matches("\\+?\\d{3,20}")) {
            fail(key, value, "empty or a phone number (digits, optional leading +)");
        }
        return value;
    }

    /** A comma-separated list of lower-case names (letters, digits, dashes), at most {@code max} items. */
    List<String> list(String key, int max) {
        String value = string(key);
        List<String> items = value.isBlank() ? List.of()
                : java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
        if (items.size() > max || items.stream().anyMatch(i -> !i.matches("[a-z0-9-]+"))) {
            fail(key, value, "a comma-separated list of at most " + max + " names like mandarin,cantonese");
        }
        return items;
    }

    OpeningHours openingHours(String weeklyKey, String holidaysKey, ZoneId zone) {
        try {
            return OpeningHours.parse(string(weeklyKey), string(holidaysKey), zone);
        } catch (IllegalArgumentException e) {
            problems.add(sources.get(weeklyKey) + " / " + sources.get(holidaysKey) + ": " + e.getMessage());
            return OpeningHours.parse(OpeningHours.ALWAYS_OPEN, "", zone);
        }
    }

    OutOfHoursAction closedAction(String key) {
        String value = string(key);
        try {
            return OutOfHoursAction.parse(value);
        } catch (IllegalArgumentException e) {
            fail(key, value, "oncall or callback");
            return OutOfHoursAction.CALLBACK;
        }
    }

    void fail(String key, String value, String accepted) {
        problems.add(sources.get(key) + (sources.get(key).equals(key) ? "" : " (" + key + ")")
                + " = '" + value + "': expected " + accepted);
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
