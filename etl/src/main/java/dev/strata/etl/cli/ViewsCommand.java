package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.run.PipelineLock;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.views.ViewLayers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The Lambda-architecture views of a spec: batch, speed, serve, query and verify. */
final class ViewsCommand implements Command {

    @Override
    public String name() {
        return "views";
    }

    @Override
    public String summary() {
        return "views: views batch | speed | serve | query NAME | verify (batch, speed and serving layers)";
    }

    @Override
    public String usage() {
        return "batch [--view NAME] [--watermark INSTANT] --spec NAME|FILE [--lake PATH]\n"
                + "       strata views speed [--view NAME] --spec ...\n"
                + "       strata views serve [--view NAME] --spec ...\n"
                + "       strata views query NAME [--where CONDITION] [--format table|csv] [--max-rows N] --spec ...\n"
                + "       strata views verify [--view NAME] --spec ...";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.spec(CommonOptions.lake(new Options()));
        options.addOption(Option.builder().longOpt("view").hasArg().argName("NAME")
                .desc("only this view (default: every view of the spec)").build());
        options.addOption(Option.builder().longOpt("watermark").hasArg().argName("INSTANT")
                .desc("batch: absorb the history up to this ingest time, e.g. 2026-12-01T00:00:00Z"
                        + " (default: all of it)").build());
        options.addOption(Option.builder().longOpt("where").hasArg().argName("CONDITION")
                .desc("query: a Spark SQL condition over the view's columns").build());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("table|csv")
                .desc("query: output format (default table)").build());
        options.addOption(Option.builder().longOpt("max-rows").hasArg().argName("N")
                .desc("query: rows shown (default 100)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UserError("name what to do: views batch, speed, serve, query NAME or verify");
        }
        String action = args.get(0);
        if (!List.of("batch", "speed", "serve", "query", "verify").contains(action)) {
            throw new UserError("unknown views action '" + action + "'; use batch, speed, serve, query or verify");
        }
        if (line.getOptionValue("spec") == null) {
            throw new UserError("views " + action + " needs --spec NAME|FILE: the pipeline whose views these are");
        }
        Optional<Instant> watermark = Optional.ofNullable(line.getOptionValue("watermark")).map(ViewsCommand::instant);
        String format = SqlCommand.format(line);
        int maxRows = (int) CommonOptions.number(line, "max-rows", 100, 1);
        try (Context context = new Context("strata views " + action, line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec"), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            if (spec.views().isEmpty()) {
                throw new UserError("pipeline " + spec.name() + " (" + spec.origin() + ") has no views: section");
            }
            ViewLayers layers = new ViewLayers(context.spark(), context.lake(), context.catalog(), spec);
            if (action.equals("query")) {
                if (args.size() != 2) {
                    throw new UserError("views query needs the view's name: strata views query NAME; views: "
                            + names(spec));
                }
                SqlCommand.print(layers.query(view(spec, args.get(1)), Optional.ofNullable(line.getOptionValue("where"))),
                        maxRows, format, console);
                return 0;
            }
            if (args.size() != 1) {
                throw new UserError("views " + action + " takes no arguments (choose a view with --view NAME)");
            }
            List<ViewSpec> views = line.hasOption("view") ? List.of(view(spec, line.getOptionValue("view")))
                    : spec.views();
            if (action.equals("verify")) {
                return verify(layers, views, console);
            }
            Duration patience = Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0));
            String runId = "views-" + action + "-" + Instant.now().toEpochMilli();
            try (PipelineLock lock = PipelineLock.acquire(context.lake(), spec.name(), runId, patience,
                    Clock.systemUTC())) {
                List<List<String>> rows = new java.util.ArrayList<>();
                for (ViewSpec view : views) {
                    ViewLayers.LayerResult r = switch (action) {
                        case "batch" -> layers.batch(view, watermark);
                        case "speed" -> layers.speed(view);
                        default -> layers.serve(view);
                    };
                    rows.add(List.of(r.view(), r.layer(), String.format(Locale.ROOT, "%,d", r.historyRows()),
                            String.format(Locale.ROOT, "%,d", r.servedRows()),
                            r.watermark().map(String::valueOf).orElse("-"),
                            r.coveredTo().map(String::valueOf).orElse("-"),
                            String.format(Locale.ROOT, "%.1f", r.seconds())));
                }
                console.out().print(TextTable.render(List.of("view", "layer", "history rows read", "served rows",
                        "watermark", "serving covers to", "seconds"), rows));
                return 0;
            }
        }
    }

    private static int verify(ViewLayers layers, List<ViewSpec> views, Console console) {
        boolean passed = true;
        for (ViewSpec view : views) {
            ViewLayers.Verification v = layers.verify(view, 20);
            console.out().printf(Locale.ROOT, "%s: %s — %,d served rows, %,d recomputed, %,d differ (history up to"
                    + " %s)%s%n", v.view(), v.passed() ? "ok" : "MISMATCH", v.servedRows(), v.expectedRows(),
                    v.mismatches(), v.coveredTo(), v.notYetServed() > 0 ? "; " + String.format(Locale.ROOT, "%,d",
                    v.notYetServed()) + " history rows arrived after it (run views speed)" : "");
            v.differences().forEach(d -> console.out().println("  " + d));
            if (v.mismatches() > v.differences().size()) {
                console.out().printf(Locale.ROOT, "  … and %,d more%n", v.mismatches() - v.differences().size());
            }
            passed &= v.passed();
        }
        return passed ? 0 : 3;
    }

    private static ViewSpec view(PipelineSpec spec, String name) {
        return spec.view(name).orElseThrow(() -> new UserError("pipeline " + spec.name() + " has no view '" + name
                + "'; views: " + names(spec)));
    }

    private static String names(PipelineSpec spec) {
        return String.join(", ", spec.views().stream().map(ViewSpec::name).toList());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--watermark '" + text + "' is not an instant like 2026-12-01T00:00:00Z");
        }
    }
}
