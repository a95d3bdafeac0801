package dev.strata.etl.cli;

import dev.strata.catalog.warehouse.WarehouseConnections;
import dev.strata.etl.UserError;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Where published tables go, as the command line says: the catalog (the lake's own, or Glue as well),
 * the AWS endpoint and region (for S3-compatible or test servers), the warehouse URL and role, and a
 * topic for completion notices. The spec says how to publish; these say whether and where.
 *
 * @param catalog {@code local} or {@code glue}
 * @param gluePrefix put in front of every Glue database name (an environment such as {@code dev_})
 * @param redshiftUser the database user, instead of the spec's {@code publish.redshift.user}
 * @param locationRoot for a local lake, where its folders would be on S3 (DDL and dry runs)
 */
record PublishOptions(String catalog, String gluePrefix, Optional<URI> awsEndpoint, Optional<String> awsRegion,
        Optional<String> redshiftUrl, Optional<String> redshiftUser, Optional<String> iamRole,
        Optional<String> noticeTopic, Optional<String> locationRoot, boolean dryRun) {

    PublishOptions {
        Objects.requireNonNull(catalog, "catalog is null");
        Objects.requireNonNull(gluePrefix, "gluePrefix is null");
        Objects.requireNonNull(awsEndpoint, "awsEndpoint is null");
        Objects.requireNonNull(awsRegion, "awsRegion is null");
        Objects.requireNonNull(redshiftUrl, "redshiftUrl is null");
        Objects.requireNonNull(redshiftUser, "redshiftUser is null");
        Objects.requireNonNull(iamRole, "iamRole is null");
        Objects.requireNonNull(noticeTopic, "noticeTopic is null");
        Objects.requireNonNull(locationRoot, "locationRoot is null");
    }

    boolean glue() {
        return catalog.equals("glue");
    }

    /** The options of every command that publishes or reads a catalog. */
    static Options catalog(Options options) {
        options.addOption(Option.builder().longOpt("catalog").hasArg().argName("local|glue")
                .desc("local: the lake's own catalog (default); glue: also the AWS Glue Data Catalog").build());
        options.addOption(Option.builder().longOpt("glue-prefix").hasArg().argName("PREFIX")
                .desc("put in front of every Glue database name, e.g. dev_").build());
        options.addOption(Option.builder().longOpt("aws-endpoint").hasArg().argName("URL")
                .desc("send Glue, SNS and S3 API calls here (an S3-compatible or test server)").build());
        options.addOption(Option.builder().longOpt("aws-region").hasArg().argName("REGION")
                .desc("the AWS region of Glue, SNS and S3 (default: the AWS default chain)").build());
        return options;
    }

    /** The options of the commands that load a warehouse and send notices. */
    static Options publish(Options options) {
        catalog(options);
        options.addOption(Option.builder().longOpt("redshift-url").hasArg().argName("JDBC_URL")
                .desc("jdbc:redshift:… (or jdbc:postgresql:…) to load; overrides the spec's; never a password")
                .build());
        options.addOption(Option.builder().longOpt("redshift-user").hasArg().argName("USER")
                .desc("the database user; overrides the spec's publish.redshift.user").build());
        options.addOption(Option.builder().longOpt("iam-role").hasArg().argName("ARN")
                .desc("the role Redshift COPY and the Spectrum schema use; overrides the spec's").build());
        options.addOption(Option.builder().longOpt("notify").hasArg().argName("sns:TOPIC_ARN")
                .desc("publish a message per table once its staging files and manifest are complete").build());
        return options;
    }

    static Options dryRun(Options options) {
        options.addOption(Option.builder().longOpt("dry-run")
                .desc("print what would be done (the SQL of every statement) and change nothing").build());
        return locationRoot(options);
    }

    /** The option that places a local lake on S3 for the locations that DDL and dry runs print. */
    static Options locationRoot(Options options) {
        options.addOption(Option.builder().longOpt("location-root").hasArg().argName("s3://BUCKET/PREFIX")
                .desc("for a local lake: where its folders would be on S3, for the LOCATION and COPY URLs that"
                        + " DDL and --dry-run print").build());
        return options;
    }

    static PublishOptions parse(CommandLine line) {
        String catalog = line.getOptionValue("catalog", "local").toLowerCase(Locale.ROOT);
        if (!catalog.equals("local") && !catalog.equals("glue")) {
            throw new UserError("--catalog takes local or glue, not '" + line.getOptionValue("catalog") + "'");
        }
        String prefix = line.getOptionValue("glue-prefix", "");
        if (!prefix.isEmpty() && !prefix.matches("[a-z][a-z0-9_]*")) {
            throw new UserError("--glue-prefix takes lower case letters, digits and _, not '" + prefix + "'");
        }
        Optional<URI> endpoint = Optional.ofNullable(line.getOptionValue("aws-endpoint")).map(text -> {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new UserError("--aws-endpoint is not a URL: '" + text + "'");
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new UserError("--aws-endpoint takes http(s)://HOST[:PORT], not '" + text + "'");
            }
            return uri;
        });
        Optional<String> region = Optional.ofNullable(line.getOptionValue("aws-region"));
        region.ifPresent(r -> {
            if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new UserError("--aws-region takes a region such as eu-west-1, not '" + r + "'");
            }
        });
        Optional<String> url = Optional.ofNullable(line.getOptionValue("redshift-url"));
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:redshift:") && !u.startsWith("jdbc:postgresql:")) {
                throw new UserError("--redshift-url takes a jdbc:redshift: or jdbc:postgresql: URL");
            }
            if (WarehouseConnections.carriesSecret(u)) {
                throw new UserError("--redshift-url must not hold a password or access key: set the password in the"
                        + " environment (STRATA_REDSHIFT_PASSWORD, or the spec's password_env) or use jdbc:redshift:iam://");
            }
        });
        Optional<String> user = Optional.ofNullable(line.getOptionValue("redshift-user"));
        user.ifPresent(u -> {
            if (!u.matches("[A-Za-z_][A-Za-z0-9_$.@-]{0,127}")) {
                throw new UserError("--redshift-user takes a database user name, not '" + u + "'");
            }
        });
        Optional<String> role = Optional.ofNullable(line.getOptionValue("iam-role"));
        role.ifPresent(r -> {
            if (!r.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
                throw new UserError("--iam-role takes an IAM role ARN (arn:aws:iam::123456789012:role/name), not '"
                        + r + "'");
            }
        });
        Optional<String> notify = Optional.ofNullable(line.getOptionValue("notify"));
        notify.ifPresent(n -> {
            try {
                dev.strata.catalog.notify.CompletionNotices.topicOf(n);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        });
        Optional<String> locationRoot = Optional.ofNullable(line.getOptionValue("location-root"));
        locationRoot.ifPresent(dev.strata.etl.lake.LocationRoot::checkSyntax);
        return new PublishOptions(catalog, prefix, endpoint, region, url, user, role, notify, locationRoot,
                line.hasOption("dry-run"));
    }
}
