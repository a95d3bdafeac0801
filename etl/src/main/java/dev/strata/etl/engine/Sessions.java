package dev.strata.etl.engine;

import dev.strata.etl.UserError;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session for a command from its {@link SessionSettings}. Precedence: {@code --conf}
 * options, then what spark-submit or the cluster set, then Strata's defaults. The session is created once by
 * the CLI and passed to everything that needs it.
 */
public final class Sessions {

    /** Where a run happens: on this machine, or on a cluster that spark-submit already configured. */
    public enum Environment {
        LOCAL, AWS;

        public static Environment parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "local" -> LOCAL;
                case "aws" -> AWS;
                default -> throw new UserError("--env must be local or aws, not '" + text + "'");
            };
        }
    }

    private Sessions() {
    }

    /** The session of a command; see {@link SessionSettings} for what it is made from. */
    public static SparkSession create(String appName, Environment environment, Map<String, String> conf) {
        return SessionSettings.of(environment, conf).session(appName);
    }

    /**
     * A new session of the same context with this session's settings: for steps that run side by side and
     * each change a setting for themselves (a new session alone starts from the context's settings and would
     * lose those set on this session since).
     */
    public static SparkSession sibling(SparkSession parent) {
        SparkSession child = parent.newSession();
        scala.collection.JavaConverters.mapAsJavaMap(parent.conf().getAll()).forEach((key, value) -> {
            if (child.conf().isModifiable(key) || key.startsWith("spark.strata.")) {
                child.conf().set(key, value);
            }
        });
        return child;
    }

    /** How many independent steps (sources to clean, curated tables) run at once: {@code spark.strata.parallelSteps}, default 4. */
    public static int parallelSteps(SparkSession spark) {
        String value = spark.conf().get("spark.strata.parallelSteps", "4");
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new UserError("spark.strata.parallelSteps must be a whole number, not '" + value + "'");
        }
    }
}
