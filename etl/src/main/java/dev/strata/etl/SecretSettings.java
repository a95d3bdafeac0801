package dev.strata.etl;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which settings hold credentials (any key naming a secret, password, token, access key, encryption key or
 * salt), and copies of settings with those values masked: what may be printed or kept in a run record.
 */
public final class SecretSettings {

    public static final String MASK = "*****";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|password|token|access[._]?key|encryption[.]key|salt).*");

    private SecretSettings() {
    }

    /** Whether the setting {@code key} holds a credential. */
    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(Objects.requireNonNull(key, "key is null")).matches();
    }

    /** A copy ordered by key, with the value of every credential replaced by {@value #MASK}. */
    public static Map<String, String> masked(Map<String, String> settings) {
        Map<String, String> result = new TreeMap<>();
        Objects.requireNonNull(settings, "settings is null")
                .forEach((key, value) -> result.put(key, isSecret(key) ? MASK : value));
        return result;
    }
}
