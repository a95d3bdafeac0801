package dev.strata.catalog.glue;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Glue database holds each zone: {@code <prefix><zone>} by default (for example
 * {@code strata_curated} with the prefix {@code strata_}), or the database named for the zone in
 * {@code overrides}. Two zones cannot share a database.
 *
 * @param prefix put before the zone's name; empty for none
 * @param overrides zone → database for the zones that do not follow the prefix rule
 */
public record GlueDatabases(String prefix, Map<String, String> overrides) {

    /** Glue database and table names as Athena and Spectrum accept them. */
    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,255}");

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9_]*");
    private static final Pattern ZONE = Pattern.compile("[a-z][a-z0-9_]*");

    public GlueDatabases {
        Objects.requireNonNull(prefix, "prefix is null");
        Objects.requireNonNull(overrides, "overrides is null");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "Glue database prefix must be lower-case letters, digits or '_', cannot be: '" + prefix + "'");
        }
        overrides = Map.copyOf(overrides);
        Map<String, String> zoneOfDatabase = new HashMap<>();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!ZONE.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("zone must match [a-z][a-z0-9_]*, cannot be: '" + e.getKey() + "'");
            }
            requireName("Glue database", e.getValue());
            String other = zoneOfDatabase.put(e.getValue(), e.getKey());
            if (other != null) {
                throw new IllegalArgumentException("zones " + other + " and " + e.getKey()
                        + " cannot share the Glue database " + e.getValue());
            }
        }
    }

    /** Every zone in {@code <prefix><zone>}. */
    public static GlueDatabases withPrefix(String prefix) {
        return new GlueDatabases(prefix, Map.of());
    }

    /** The same mapping with one more zone named explicitly. */
    public GlueDatabases withOverride(String zone, String database) {
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(database, "database is null");
        Map<String, String> more = new HashMap<>(overrides);
        more.put(zone, database);
        return new GlueDatabases(prefix, more);
    }

    /** The Glue database of a zone. */
    public String database(String zone) {
        Objects.requireNonNull(zone, "zone is null");
        if (!ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("zone must match [a-z][a-z0-9_]*, cannot be: '" + zone + "'");
        }
        String database = overrides.getOrDefault(zone, prefix + zone);
        return requireName("Glue database", database);
    }

    /** The zone a Glue database holds, if this mapping leads to it. */
    public Optional<String> zone(String database) {
        Objects.requireNonNull(database, "database is null");
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getValue().equals(database)) {
                return Optional.of(e.getKey());
            }
        }
        if (!database.startsWith(prefix)) {
            return Optional.empty();
        }
        String zone = database.substring(prefix.length());
        if (!ZONE.matcher(zone).matches() || overrides.containsKey(zone)) {
            return Optional.empty();
        }
        return Optional.of(zone);
    }

    static String requireName(String what, String name) {
        Objects.requireNonNull(name, what + " name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must be 1 to 255 lower-case letters, digits or '_', "
                    + "cannot be: '" + name + "'");
        }
        return name;
    }
}
