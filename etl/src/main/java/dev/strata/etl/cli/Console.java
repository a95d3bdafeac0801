package dev.strata.etl.cli;

import java.io.PrintStream;
import java.util.Objects;

/** Where a command writes: results to {@code out}, progress and errors to {@code err}. */
record Console(PrintStream out, PrintStream err) {

    Console {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(err, "err is null");
    }
}
