package dev.strata.etl.cli;

import dev.strata.etl.SecretSettings;
import dev.strata.etl.UserError;
import dev.strata.etl.engine.SessionSettings;
import dev.strata.etl.engine.Sessions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Options every command that touches the lake shares: --lake, --env, --conf and the S3 settings. */
final class CommonOptions {

    static final String DEFAULT_LAKE = "./lake";

    /** Each S3 option and the S3A setting it stands for. */
    static final Map<String, String> S3_SETTINGS = Map.of(
            "s3-endpoint", "spark.hadoop.fs.s3a.endpoint",
            "s3-region", "spark.hadoop.fs.s3a.endpoint.region",
            "s3-path-style", "spark.hadoop.fs.s3a.path.style.access");

    private static final Pattern REGION = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private CommonOptions() {
    }

    static Options lake(Options options) {
        options.addOption(Option.builder().longOpt("lake").hasArg().argName("PATH|s3a://URI")
                .desc("lake root (default " + DEFAULT_LAKE + ")").build());
        return storage(options);
    }

    /** --env, --conf, the S3 options and --help: what reading anything through Hadoop's file systems needs. */
    static Options storage(Options options) {
        options.addOption(Option.builder().longOpt("s3-endpoint").hasArg().argName("URL")
                .desc("S3 endpoint for an S3-compatible store or a VPC endpoint, e.g. http://127.0.0.1:5000 "
                        + "(fs.s3a.endpoint)").build());
        options.addOption(Option.builder().longOpt("s3-region").hasArg().argName("REGION")
                .desc("the S3 region to sign requests for, e.g. eu-west-1 (fs.s3a.endpoint.region)").build());
        options.addOption(Option.builder().longOpt("s3-path-style")
                .desc("address buckets as ENDPOINT/bucket/key, as most S3-compatible stores need "
                        + "(fs.s3a.path.style.access)").build());
        options.addOption(Option.builder().longOpt("env").hasArg().argName("local|aws")
                .desc("local: Spark in this JVM (default); aws: under spark-submit on EMR").build());
        options.addOption(Option.builder().longOpt("conf").hasArg().argName("KEY=VALUE")
                .desc("a Spark setting; repeatable; wins over every other source").build());
        options.addOption(Option.builder().longOpt("help").desc("show this help").build());
        return options;
    }

    static Options spec(Options options) {
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("NAME|FILE|s3a://URI")
                .desc("pipeline spec: a bundled name (service_requests), a YAML file or a URI").build());
        options.addOption(Option.builder().longOpt("input").hasArg().argName("SOURCE=PATH")
                .desc("read a source from another path or URI; repeatable").build());
        options.addOption(Option.builder().longOpt("var").hasArg().argName("NAME=VALUE")
                .desc("set one of the spec's variables (e.g. mimic=DIR); repeatable").build());
        options.addOption(Option.builder().longOpt("sql-root").hasArg().argName("DIR|s3a://URI")
                .desc("read curated SQL from here instead of the jar's sql/").build());
        options.addOption(Option.builder().longOpt("wait").hasArg().argName("SECONDS")
                .desc("if the pipeline is already running, wait this long for it (default 0: stop)").build());
        return profile(options);
    }

    /** {@code --profile}: the commands that run pipeline stages print where each step's seconds went. */
    static Options profile(Options options) {
        options.addOption(Option.builder().longOpt("profile")
                .desc("print where each step's seconds went: Spark jobs by kind, Delta commits, catalog writes")
                .build());
        return options;
    }

    static String lakeRoot(CommandLine line) {
        return line.getOptionValue("lake", DEFAULT_LAKE);
    }

    static Sessions.Environment environment(CommandLine line) {
        return Sessions.Environment.parse(line.getOptionValue("env", "local"));
    }

    /** The --conf settings with the S3 options added under their S3A keys. */
    static Map<String, String> conf(CommandLine line) {
        Map<String, String> conf = pairs(line, "conf");
        Map<String, String> s3 = new LinkedHashMap<>();
        if (line.hasOption("s3-endpoint")) {
            s3.put("s3-endpoint", endpoint(line.getOptionValue("s3-endpoint")));
        }
        if (line.hasOption("s3-region")) {
            s3.put("s3-region", region(line.getOptionValue("s3-region")));
        }
        if (line.hasOption("s3-path-style")) {
            s3.put("s3-path-style", "true");
        }
        s3.forEach((option, value) -> {
            String key = S3_SETTINGS.get(option);
            String given = conf.get(key);
            if (given != null && !given.equalsIgnoreCase(value)) {
                throw new UserError("--" + option + " " + value + " and --conf " + key + "=" + given
                        + " disagree; give one of them");
            }
            conf.put(key, value);
        });
        return conf;
    }

    /** The settings of the command's session and file systems. */
    static SessionSettings settings(CommandLine line) {
        return SessionSettings.of(environment(line), conf(line));
    }

    private static String endpoint(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
                || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                && !uri.getPath().equals("/")) || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new UserError("--s3-endpoint must be an http:// or https:// URL with a host and no path, "
                    + "e.g. http://127.0.0.1:5000, not '" + text + "'");
        }
        String result = uri.toString();
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }

    private static String region(String text) {
        String region = text.trim();
        if (!REGION.matcher(region).matches()) {
            throw new UserError("--s3-region must be a region name such as eu-west-1, not '" + text + "'");
        }
        return region;
    }

    static Map<String, String> pairs(CommandLine line, String option) {
        Map<String, String> result = new LinkedHashMap<>();
        String[] values = line.getOptionValues(option);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--" + option + " takes KEY=VALUE, not '"
                        + (SecretSettings.isSecret(value) ? value.replaceAll("[:\\s].*", "") + "..." : value) + "'");
            }
            result.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
        }
        return result;
    }

    static long number(CommandLine line, String option, long defaultValue, long min) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UserError("--" + option + " must be a whole number, not '" + text + "'");
        }
        if (value < min) {
            throw new UserError("--" + option + " must be at least " + min + ", not " + value);
        }
        return value;
    }
}
