package org.carehotline.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The known keys, read from the commented defaults file {@code hotline-defaults.properties}:
 * each key's default value and the comment lines above it.
 */
public final class ConfigKeys {

    static final String DEFAULTS_RESOURCE = "/hotline-defaults.properties";

    /** One key: its default and its description. */
    public record Key(String name, String defaultValue, String description) {
        /** The environment variable that overrides this key: http.port -> HOTLINE_HTTP_PORT. */
        public String envName() {
            return "HOTLINE_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }

    private final Map<String, Key> keys;

    private ConfigKeys(Map<String, Key> keys) {
        this.keys = keys;
    }

    /** Reads the defaults file from the classpath. */
    public static ConfigKeys load() {
        try (InputStream in = ConfigKeys.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigKeys parse(List<String> lines) {
        Map<String, Key> keys = new LinkedHashMap<>();
        List<String> comment = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                comment.clear();
            } else if (line.startsWith("#")) {
                comment.add(line.substring(1).strip());
            } else {
                int eq = line.indexOf('=');
                String name = line.substring(0, eq).strip();
                keys.put(name, new Key(name, line.substring(eq + 1).strip(), String.join(" ", comment)));
                comment.clear();
            }
        }
        return new ConfigKeys(Collections.unmodifiableMap(keys));
    }

    public Key get(String name) {
        return keys.get(name);
    }

    public boolean contains(String name) {
        return keys.containsKey(name);
    }

    /** All keys, in the order of the defaults file. */
    public List<Key> all() {
        return List.copyOf(keys.values());
    }
}
