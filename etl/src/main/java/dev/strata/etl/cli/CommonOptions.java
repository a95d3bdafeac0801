package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.engine.Sessions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Options every command that touches the lake shares: --lake, --env, --conf. */
final class CommonOptions {

    static final String DEFAULT_LAKE = "./lake";

    private CommonOptions() {
    }

    static Options lake(Options options) {
        options.addOption(Option.builder().longOpt("lake").hasArg().argName("PATH|s3a://URI")
                .desc("lake root (default " + DEFAULT_LAKE + ")").build());
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
        return options;
    }

    static String lakeRoot(CommandLine line) {
        return line.getOptionValue("lake", DEFAULT_LAKE);
    }

    static Sessions.Environment environment(CommandLine line) {
        return Sessions.Environment.parse(line.getOptionValue("env", "local"));
    }

    static Map<String, String> conf(CommandLine line) {
        return pairs(line, "conf");
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
                throw new UserError("--" + option + " takes KEY=VALUE, not '" + value + "'");
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
