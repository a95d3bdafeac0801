package dev.strata.catalog.warehouse;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Opens a JDBC connection to the warehouse: {@code jdbc:redshift:} through the Redshift driver,
 * {@code jdbc:postgresql:} through the PostgreSQL driver.
 *
 * <p>Credentials: a password is read from the environment variable whose name the caller gives (for example
 * {@code STRATA_REDSHIFT_PASSWORD}); {@code jdbc:redshift:iam://…} URLs authenticate with the driver's IAM options
 * (the default AWS credentials, a profile, {@code DbUser}, {@code AutoCreate}, …) and need no password. Redshift
 * without IAM needs that variable set; PostgreSQL connects without a password when it is unset (a server that
 * trusts the client, or peer or certificate authentication). The Redshift
 * driver has no option that reads a password from AWS Secrets Manager, so that is not offered. A URL that carries a
 * password or access keys is refused, and neither the password nor the URL's options appear in any message.
 */
public final class WarehouseConnections {

    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)[?&;](password|pwd|secretaccesskey|accesskeyid|sessiontoken|iamsessiontoken)=");
    private static final Pattern USER_OPTION = Pattern.compile("(?i)[?&;](user|uid)=[^&;]+");

    private final Function<String, String> environment;

    /** Reads environment variables through {@code environment} (a name to its value, or null). */
    public WarehouseConnections(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment is null");
    }

    /** Connections whose password variables are read from this process's environment. */
    public static WarehouseConnections fromSystemEnvironment() {
        return new WarehouseConnections(System::getenv);
    }

    /** True when {@code jdbcUrl} carries a password or AWS keys among its options, which it must not. */
    public static boolean carriesSecret(String jdbcUrl) {
        return SECRET_OPTION.matcher(Objects.requireNonNull(jdbcUrl, "jdbcUrl is null")).find();
    }

    /** The flavor of the server {@code jdbcUrl} names. */
    public WarehouseFlavor flavor(String jdbcUrl) {
        return WarehouseFlavor.ofJdbcUrl(jdbcUrl);
    }

    /**
     * Opens a connection.
     *
     * @param jdbcUrl          {@code jdbc:redshift://…}, {@code jdbc:redshift:iam://…} or {@code jdbc:postgresql://…}
     * @param user             the database user (optional for IAM URLs, whose driver takes DbUser, and for URLs
     *                         that name one with {@code user=})
     * @param passwordVariable the name of the environment variable holding the password; empty for IAM URLs and
     *                         for PostgreSQL without a password
     */
    public Connection open(String jdbcUrl, Optional<String> user, Optional<String> passwordVariable) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(passwordVariable, "passwordVariable is null");
        WarehouseFlavor flavor = flavor(jdbcUrl);
        String shown = redacted(jdbcUrl);
        if (carriesSecret(jdbcUrl)) {
            throw new IllegalArgumentException("the warehouse URL " + shown + " carries a password or access key;"
                    + " give the name of an environment variable that holds the password, or use jdbc:redshift:iam://");
        }
        boolean iam = jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:redshift:iam:");
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        if (passwordVariable.isPresent()) {
            String variable = passwordVariable.get();
            String password = environment.apply(variable);
            if (password != null && !password.isEmpty()) {
                properties.setProperty("password", password);
            } else if (flavor == WarehouseFlavor.REDSHIFT) {
                throw new IllegalArgumentException("the warehouse password variable " + variable + " is not set");
            }
            // PostgreSQL may authenticate without a password (trust, peer or certificate authentication)
        } else if (!iam && flavor == WarehouseFlavor.REDSHIFT) {
            throw new IllegalArgumentException("the warehouse URL " + shown + " needs a password variable"
                    + " (or a jdbc:redshift:iam:// URL)");
        }
        if (!iam && user.isEmpty() && !USER_OPTION.matcher(jdbcUrl).find()) {
            throw new IllegalArgumentException("the warehouse URL " + shown + " needs a user");
        }
        Driver driver = flavor == WarehouseFlavor.REDSHIFT
                ? new com.amazon.redshift.jdbc.Driver()
                : new org.postgresql.Driver();
        try {
            Connection connection = driver.connect(jdbcUrl, properties);
            if (connection == null) {
                throw new IllegalArgumentException("the " + flavor.name().toLowerCase(Locale.ROOT)
                        + " driver does not accept the URL " + shown);
            }
            return connection;
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n", 2)[0];
            throw new IllegalStateException("could not connect to " + shown + ": " + message, e);
        }
    }

    /** The URL without its options (everything from the first {@code ?} or {@code ;}), safe to show. */
    static String redacted(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return jdbcUrl.substring(0, cut);
    }
}
