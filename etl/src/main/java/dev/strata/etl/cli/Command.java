package dev.strata.etl.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code strata <command>}: its options, and what it does with them. Returns the exit code. */
interface Command {

    String name();

    String summary();

    /** Usage after the command name, e.g. {@code "--spec NAME [options]"}. */
    String usage();

    Options options();

    int execute(CommandLine line, Console console) throws Exception;

    /**
     * Whether the command makes sample data, whose generators are on the local launcher's class path but not in
     * the spark-submit jar.
     */
    default boolean needsSampleGenerators() {
        return false;
    }
}
