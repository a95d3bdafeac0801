package dev.strata.etl.cli;

/** The entry point for the launcher script and for spark-submit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }
}
