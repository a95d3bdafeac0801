package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.identity.IdentityExplainer;
import dev.strata.etl.identity.PiiReport;
import dev.strata.etl.identity.TruthEvaluation;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.identity.LinkageEvaluation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Identity resolution: run the pipeline, explain a pair, evaluate against a truth, report PII. */
final class IdentityCommand implements Command {

    static final String DEFAULT_SPEC = "cdp";

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String summary() {
        return "identity resolution: identity run | resolve | explain A B | evaluate --truth COLUMN | pii-report";
    }

    @Override
    public String usage() {
        return "run [--full] [--spec NAME|FILE] [--lake PATH]\n"
                + "       strata identity resolve [--full] [--spec NAME|FILE] [--lake PATH]   (the identity stage alone)\n"
                + "       strata identity explain SOURCE:KEY SOURCE:KEY [--show-values] [--spec ...]\n"
                + "       strata identity evaluate --truth COLUMN [--spec ...]\n"
                + "       strata identity evaluate --febrl FILE [--febrl FILE]\n"
                + "       strata identity pii-report [--spec ...]";
    }

    @Override
    public Options options() {
        Options options = PublishOptions.publish(CommonOptions.spec(CommonOptions.lake(new Options())));
        options.addOption(Option.builder().longOpt("full")
                .desc("run: resolve every record again and estimate a new model (default: only new records)").build());
        options.addOption(Option.builder().longOpt("show-values")
                .desc("explain: print the values as they are (default: masked)").build());
        options.addOption(Option.builder().longOpt("truth").hasArg().argName("COLUMN")
                .desc("evaluate: the clean tables' ground-truth column").build());
        options.addOption(Option.builder().longOpt("febrl").hasArg().argName("FILE")
                .desc("evaluate: a FEBRL-format file to deduplicate; twice: two files to link").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UserError("name what to do: identity run, resolve, explain, evaluate or pii-report");
        }
        String action = args.get(0);
        if (action.equals("evaluate") && line.hasOption("febrl")) {
            return febrl(line, console);
        }
        try (Context context = new Context("strata identity " + action, line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec", DEFAULT_SPEC), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            if (spec.identity().isEmpty()) {
                throw new UserError("pipeline " + spec.name() + " (" + spec.origin() + ") has no identity: section");
            }
            switch (action) {
                case "run" -> {
                    expectArguments(args, 1, "identity run takes no arguments");
                    SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
                    try (Publishing publishing = new Publishing(spec, PublishOptions.parse(line))) {
                        return PipelineCommand.runPipeline(context, spec, sqlRoot,
                                Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0)), console, "identity run",
                                List.of(Stage.INGEST, Stage.CLEAN, Stage.IDENTITY, Stage.CURATE), line.hasOption("full"),
                                publishing, true);
                    }
                }
                case "resolve" -> {
                    // the identity stage alone, over what clean holds: a scheduler runs it between clean and curate
                    expectArguments(args, 1, "identity resolve takes no arguments");
                    SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
                    try (Publishing publishing = new Publishing(spec, PublishOptions.parse(line))) {
                        return PipelineCommand.runPipeline(context, spec, sqlRoot,
                                Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0)), console, "identity resolve",
                                List.of(Stage.IDENTITY), line.hasOption("full"), publishing, false);
                    }
                }
                case "explain" -> {
                    expectArguments(args, 3, "identity explain needs two records: SOURCE:KEY SOURCE:KEY");
                    console.out().print(new IdentityExplainer(context.spark(), context.lake())
                            .explain(spec.identity().get(), args.get(1), args.get(2), line.hasOption("show-values"))
                            .render());
                    return 0;
                }
                case "evaluate" -> {
                    expectArguments(args, 1, "identity evaluate takes no arguments");
                    if (!line.hasOption("truth")) {
                        throw new UserError("identity evaluate needs --truth COLUMN (a ground-truth column of the "
                                + "clean tables)");
                    }
                    LinkageEvaluation.Scores scores = new TruthEvaluation(context.spark(), context.lake())
                            .evaluate(spec, line.getOptionValue("truth"));
                    console.out().println(scores);
                    return 0;
                }
                case "pii-report" -> {
                    expectArguments(args, 1, "identity pii-report takes no arguments");
                    List<PiiReport.Line> lines = new PiiReport(context.spark(), context.lake(), context.catalog())
                            .lines(spec);
                    console.out().print(TextTable.render(List.of("zone", "table", "column", "PII", "protection",
                            "check"), lines.stream().map(l -> List.of(l.zone(), l.table(), l.column(), l.pii(),
                            l.protection(), l.check())).toList()));
                    return lines.stream().anyMatch(l -> !l.check().isEmpty() && !l.check().equals("ok")
                            && !l.check().equals("not built yet") && !l.check().startsWith("check the")) ? 3 : 0;
                }
                default -> throw new UserError("unknown identity action '" + action
                        + "'; use run, resolve, explain, evaluate or pii-report");
            }
        }
    }

    /** Resolves FEBRL-format files (no spec, no lake) and scores the result against their record ids. */
    private static int febrl(CommandLine line, Console console) {
        expectArguments(line.getArgList(), 1, "identity evaluate takes no arguments");
        List<java.nio.file.Path> files = java.util.Arrays.stream(line.getOptionValues("febrl"))
                .map(java.nio.file.Path::of).toList();
        for (java.nio.file.Path file : files) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UserError("--febrl " + file + ": no such file");
            }
        }
        if (files.size() > 2) {
            throw new UserError("give --febrl once (deduplicate one file) or twice (link two files), not "
                    + files.size() + " times");
        }
        try (Context context = new Context("strata identity evaluate", line)) {
            dev.strata.etl.identity.FebrlEvaluation.Result result;
            dev.strata.etl.engine.StepProfile profile = context.profile()
                    ? dev.strata.etl.engine.StepProfile.start(context.spark()) : null;
            context.spark().sparkContext().setJobGroup("strata-identity-evaluate", "identity evaluate", false);
            try {
                result = new dev.strata.etl.identity.FebrlEvaluation(context.spark()).evaluate(files);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            } finally {
                context.spark().sparkContext().clearJobGroup();
                if (profile != null) {
                    profile.print(console.err());
                    profile.close();
                }
            }
            console.out().printf(java.util.Locale.ROOT, "FEBRL %s: %,d records, %,d pairs compared, %.1f s%n",
                    result.mode(), result.records(), result.pairsCompared(), result.seconds());
            console.out().println(result.scores());
            return 0;
        }
    }

    private static void expectArguments(List<String> args, int count, String message) {
        if (args.size() != count) {
            throw new UserError(message + " (got: " + String.join(" ", args) + ")");
        }
    }
}
