package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.bench.EngineBenchmark;
import dev.strata.etl.bench.IdentityBenchmark;
import dev.strata.etl.bench.OmopBenchmark;
import dev.strata.etl.bench.ViewsBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Benchmarks that print figures beside a baseline measured in the same run. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public boolean needsSampleGenerators() {
        return true;
    }

    @Override
    public String summary() {
        return "benchmark: bench engine --rows N | bench omop --patients N | bench identity --people N"
                + " | bench views --events N";
    }

    @Override
    public String usage() {
        return "engine --rows N [--files K] [--seed S] [--work DIR] [--keep]\n"
                + "       strata bench omop --patients N [--seed S] [--work DIR] [--keep]\n"
                + "       strata bench identity --people N [--spec NAME|FILE] [--seed S] [--work DIR] [--keep]\n"
                + "       strata bench views --events N [--increment N] [--history engine|copies] [--spec NAME|FILE]"
                + " [--seed S] [--work DIR] [--keep]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.lake(new Options());
        options.addOption(Option.builder().longOpt("rows").hasArg().argName("N").desc("rows to generate").build());
        options.addOption(Option.builder().longOpt("patients").hasArg().argName("N")
                .desc("omop: patients to generate (default 1000)").build());
        options.addOption(Option.builder().longOpt("people").hasArg().argName("N")
                .desc("identity: people to generate (default 10000)").build());
        options.addOption(Option.builder().longOpt("events").hasArg().argName("N")
                .desc("views: generated events in the history at 10x; 1x is a tenth (default 1000000)").build());
        options.addOption(Option.builder().longOpt("increment").hasArg().argName("N")
                .desc("views: events in each increment the speed layer is timed on (default: 1% of 1x)").build());
        options.addOption(Option.builder().longOpt("history").hasArg().argName("engine|copies")
                .desc("views: how the history grows from 1x to 10x: loaded by the engine (default), or 9 copies of"
                        + " 1x shifted in key and time, written directly (fast)").build());
        options.addOption(Option.builder().longOpt("files").hasArg().argName("K")
                .desc("input files (default: one per core)").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("seed (default 311)").build());
        options.addOption(Option.builder().longOpt("work").hasArg().argName("DIR")
                .desc("working folder (default: a new temporary folder)").build());
        options.addOption(Option.builder().longOpt("keep").desc("keep the working folder").build());
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("NAME|FILE")
                .desc("identity: the spec whose identity section is measured (default cdp); views: the spec whose"
                        + " views are measured, over the 311 data (default service_requests)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) throws IOException {
        boolean omop = line.getArgList().size() == 1 && line.getArgList().get(0).equals("omop");
        boolean identity = line.getArgList().size() == 1 && line.getArgList().get(0).equals("identity");
        boolean views = line.getArgList().size() == 1 && line.getArgList().get(0).equals("views");
        if (!omop && !identity && !views && (line.getArgList().size() != 1
                || !line.getArgList().get(0).equals("engine"))) {
            throw new UserError("name the benchmark: engine, omop, identity or views");
        }
        long events = CommonOptions.number(line, "events", 1_000_000, 10_000);
        long increment = CommonOptions.number(line, "increment", Math.max(1, events / 1000), 1);
        String history = line.getOptionValue("history", "engine");
        if (!history.equals("engine") && !history.equals("copies")) {
            throw new UserError("--history must be engine or copies, not '" + history + "'");
        }
        if (views && increment >= events / 10) {
            throw new UserError("--increment must be less than a tenth of --events (" + events / 10 + "), not "
                    + increment);
        }
        long rows = CommonOptions.number(line, "rows", 1_000_000, 1000);
        int files = (int) CommonOptions.number(line, "files", Runtime.getRuntime().availableProcessors(), 1);
        long seed = CommonOptions.number(line, "seed", 311, Long.MIN_VALUE);
        Path work = line.hasOption("work") ? Path.of(line.getOptionValue("work"))
                : Files.createTempDirectory("strata-bench-");
        try (Context context = new Context("strata bench", line)) {
            if (views) {
                new ViewsBenchmark(context.spark(), SpecReference.load(line.getOptionValue("spec", "service_requests"),
                        context.lake()), console.out(), console.err()).run(work, events, increment, seed,
                        history.equals("engine") ? ViewsBenchmark.Growth.ENGINE : ViewsBenchmark.Growth.COPIES);
                return 0;
            }
            if (identity) {
                int people = (int) CommonOptions.number(line, "people", 10_000, 10);
                new IdentityBenchmark(context.spark(), SpecReference.load(line.getOptionValue("spec", "cdp"),
                        context.lake()), console.out(),
                        console.err()).run(work, people,
                        CommonOptions.number(line, "seed", 7, Long.MIN_VALUE));
                return 0;
            }
            if (omop) {
                int patients = (int) CommonOptions.number(line, "patients", 1000, 1);
                new OmopBenchmark(context.spark(), SpecReference.load("mimic_omop", context.lake()), console.out(),
                        console.err()).run(work, patients, CommonOptions.number(line, "seed", 3, Long.MIN_VALUE));
                return 0;
            }
            new EngineBenchmark(context.spark(), SpecReference.load("service_requests", context.lake()),
                    console.out(), console.err()).run(work, rows, files, seed);
        } finally {
            if (!line.hasOption("keep")) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }
}
