package dev.strata.etl.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a pipeline's tables are published once they are written: the Glue Data Catalog (for Athena,
 * and a manifest-backed twin for Redshift Spectrum) and a Redshift schema loaded by COPY and MERGE.
 * Declared under {@code publish:} in the spec; absent parts publish nothing.
 */
public record PublishSpec(Optional<Glue> glue, Optional<Redshift> redshift) {

    public PublishSpec {
        Objects.requireNonNull(glue, "glue is null");
        Objects.requireNonNull(redshift, "redshift is null");
    }

    public static PublishSpec none() {
        return new PublishSpec(Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return glue.isEmpty() && redshift.isEmpty();
    }

    /** The same section with {@code ${name}} references in its text settings replaced. */
    PublishSpec map(UnaryOperator<String> text) {
        return new PublishSpec(glue, redshift.map(r -> r.map(text)));
    }

    /**
     * Glue databases and tables.
     *
     * @param databasePrefix prepended to every database name (an environment, e.g. {@code dev_})
     * @param databases the database of each zone: clean, quarantine, curated and views (the serving layer)
     * @param zones which zones are registered
     * @param spectrum whether each curated table and served view also gets a Spectrum table over its
     *     symlink manifest
     * @param spectrumSuffix appended to a curated table's or view's name to name its Spectrum table
     */
    public record Glue(String databasePrefix, Map<String, String> databases, List<String> zones, boolean spectrum,
            String spectrumSuffix) {

        public static final List<String> ZONES = List.of("clean", "quarantine", "curated", "views");

        /** The zones whose tables get a Spectrum twin and are loaded into the warehouse. */
        public static final List<String> SERVED = List.of("curated", "views");

        public Glue {
            Objects.requireNonNull(databasePrefix, "databasePrefix is null");
            databases = Map.copyOf(Objects.requireNonNull(databases, "databases is null"));
            zones = List.copyOf(Objects.requireNonNull(zones, "zones is null"));
            Objects.requireNonNull(spectrumSuffix, "spectrumSuffix is null");
            for (String zone : ZONES) {
                if (!databases.containsKey(zone)) {
                    throw new IllegalArgumentException("no Glue database for zone " + zone);
                }
            }
        }

        /** The database of a zone with the prefix, and another prefix in front when given. */
        public String database(String zone, String extraPrefix) {
            String name = databases.get(zone);
            if (name == null) {
                throw new IllegalArgumentException("no Glue database for zone '" + zone + "'");
            }
            return extraPrefix + databasePrefix + name;
        }
    }

    /**
     * A Redshift schema that curated tables are loaded into.
     *
     * @param url a {@code jdbc:redshift:} (or {@code jdbc:postgresql:}) URL without a password; may be
     *     given at run time instead ({@code --redshift-url})
     * @param passwordEnv the environment variable that holds the password (not needed for IAM URLs)
     * @param iamRole the role COPY reads the staged files with, and the Spectrum schema's role
     * @param spectrumSchema an external schema over the curated Glue database, created when named
     * @param tables settings of single tables (keys, distribution, sort keys, names)
     * @param onlyListed load only the listed tables; else every curated table of the pipeline, the listed
     *     ones with their settings and the others with the defaults (merge keys from their step)
     */
    public record Redshift(Optional<String> url, Optional<String> user, String passwordEnv, Optional<String> iamRole,
            String schema, Optional<String> spectrumSchema, List<Table> tables, boolean onlyListed) {

        public Redshift {
            Objects.requireNonNull(url, "url is null");
            Objects.requireNonNull(user, "user is null");
            Objects.requireNonNull(passwordEnv, "passwordEnv is null");
            Objects.requireNonNull(iamRole, "iamRole is null");
            Objects.requireNonNull(schema, "schema is null");
            Objects.requireNonNull(spectrumSchema, "spectrumSchema is null");
            tables = List.copyOf(Objects.requireNonNull(tables, "tables is null"));
        }

        Redshift map(UnaryOperator<String> text) {
            return new Redshift(url.map(text), user.map(text), passwordEnv, iamRole.map(text), schema, spectrumSchema,
                    tables, onlyListed);
        }

        /** The settings of a curated table: as listed, else the defaults. */
        public Optional<Table> table(String name) {
            Optional<Table> listed = tables.stream().filter(t -> t.name().equals(name)).findFirst();
            return listed.isPresent() || onlyListed ? listed : Optional.of(Table.defaults(name));
        }
    }

    /**
     * One curated table in Redshift.
     *
     * @param name the curated table
     * @param target its name in Redshift (the curated name by default)
     * @param keys the columns a row is matched on when merging; empty replaces the table whole
     * @param distStyle auto, even, all or key (key when a dist key is given)
     * @param varchar VARCHAR lengths for string columns (others are measured from the data)
     */
    public record Table(String name, String target, Optional<List<String>> keys, Optional<String> distKey,
            String distStyle, List<String> sortKeys, Map<String, Integer> varchar) {

        public Table {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(target, "target is null");
            keys = Objects.requireNonNull(keys, "keys is null").map(List::copyOf);
            Objects.requireNonNull(distKey, "distKey is null");
            Objects.requireNonNull(distStyle, "distStyle is null");
            sortKeys = List.copyOf(Objects.requireNonNull(sortKeys, "sortKeys is null"));
            varchar = Map.copyOf(Objects.requireNonNull(varchar, "varchar is null"));
        }

        /** A curated table loaded with the defaults: its own name, merge keys from its step, auto distribution. */
        public static Table defaults(String name) {
            return new Table(name, name, Optional.empty(), Optional.empty(), "auto", List.of(), Map.of());
        }
    }
}
