package dev.strata.etl.identity;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The salt PII is hashed with, from configuration: the environment variable {@value #ENV}, else the Spark
 * setting {@value #CONF}. A local lake without either gets a random salt made once and kept in
 * {@code <lake>/_identity/pii_salt} (so hashes stay joinable from run to run on that lake); a lake on S3
 * must be given one. The salt itself is never logged or printed; only where it came from.
 */
public final class PiiSalt {

    public static final String ENV = "STRATA_PII_SALT";
    public static final String CONF = "spark.strata.pii.salt";

    private PiiSalt() {
    }

    public static String resolve(SparkSession spark, Lake lake, RunLog log) {
        Objects.requireNonNull(lake, "lake is null");
        Optional<String> fromEnv = Optional.ofNullable(System.getenv(ENV)).filter(s -> !s.isBlank());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Optional<String> fromConf = Optional.ofNullable(spark.conf().get(CONF, null)).filter(s -> !s.isBlank());
        if (fromConf.isPresent()) {
            return fromConf.get();
        }
        if (!lake.root().startsWith("file:") && lake.root().contains("://")) {
            throw new UserError("no salt for hashing PII: set the environment variable " + ENV + " or --conf " + CONF
                    + " (a lake on " + lake.root().substring(0, lake.root().indexOf("://")) + " gets no generated salt)");
        }
        String path = lake.root() + "/_identity/pii_salt";
        if (!lake.exists(path)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            lake.writeText(path, HexFormat.of().formatHex(bytes) + "\n");
            log.warn("no PII salt configured: made a random one for this local lake and kept it in " + path
                    + "; set " + ENV + " in production");
        }
        return lake.readText(path).trim();
    }
}
