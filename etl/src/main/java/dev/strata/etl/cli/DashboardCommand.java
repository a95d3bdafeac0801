package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.dashboard.DashboardSite;
import dev.strata.etl.dashboard.ServingCharts;
import dev.strata.etl.spec.PipelineSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Writes the static dashboard of one or more pipelines from the serving layers of their views: a folder that
 * opens offline in a browser (the chart library travels with it).
 */
final class DashboardCommand implements Command {

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public String summary() {
        return "write a static HTML dashboard (opens offline) from the serving layers of the specs' views";
    }

    @Override
    public String usage() {
        return "[--spec NAME|FILE ...] [--out DIR|s3a://URI] [--lake PATH]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.lake(new Options());
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("NAME|FILE|s3a://URI")
                .desc("a pipeline whose dashboard: section to draw; repeatable (default: every bundled spec with a"
                        + " dashboard whose views are built in the lake)").build());
        options.addOption(Option.builder().longOpt("var").hasArg().argName("NAME=VALUE")
                .desc("set one of the specs' variables; repeatable").build());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR|s3a://URI")
                .desc("where to write index.html, one page per pipeline and the chart library (default"
                        + " <lake>/dashboard)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        if (!line.getArgList().isEmpty()) {
            throw new UserError("dashboard takes no arguments (name pipelines with --spec)");
        }
        try (Context context = new Context("strata dashboard", line)) {
            Map<String, String> variables = CommonOptions.pairs(line, "var");
            List<PipelineSpec> pipelines = new ArrayList<>();
            if (line.hasOption("spec")) {
                for (String reference : line.getOptionValues("spec")) {
                    PipelineSpec spec = SpecReference.load(reference, context.lake(), variables);
                    if (spec.dashboard().isEmpty()) {
                        throw new UserError("pipeline " + spec.name() + " (" + spec.origin() + ") has no dashboard:"
                                + " section");
                    }
                    List<String> unbuilt = ServingCharts.unbuiltViews(context.lake(), spec);
                    if (!unbuilt.isEmpty()) {
                        throw new UserError(ServingCharts.notBuilt(spec, unbuilt));
                    }
                    pipelines.add(spec);
                }
            } else {
                List<String> skipped = new ArrayList<>();
                for (String name : SpecReference.bundled()) {
                    PipelineSpec spec = SpecReference.load(name, context.lake(), Map.of());
                    if (spec.dashboard().isEmpty()) {
                        continue;
                    }
                    List<String> unbuilt = ServingCharts.unbuiltViews(context.lake(), spec);
                    if (unbuilt.isEmpty()) {
                        pipelines.add(spec);
                    } else {
                        skipped.add(ServingCharts.notBuilt(spec, unbuilt));
                    }
                }
                if (pipelines.isEmpty()) {
                    throw new UserError("no dashboard to write from the lake at " + context.lake().root() + ": "
                            + (skipped.isEmpty() ? "no bundled spec has a dashboard: section"
                            : String.join("; ", skipped)));
                }
                skipped.forEach(s -> console.err().println("[strata] skipped: " + s));
            }
            String out = line.getOptionValue("out", context.lake().root() + "/dashboard");
            String index = write(context, pipelines, out, console);
            console.out().println("dashboard: " + index + " (a static page: open it in a browser, no server needed)");
            return 0;
        }
    }

    /** Draws the pipelines' charts into {@code out}, prints a table of the pages, and returns where the index is. */
    static String write(Context context, List<PipelineSpec> pipelines, String out, Console console) {
        ServingCharts charts = new ServingCharts(context.spark(), context.lake(), context.catalog());
        List<DashboardSite.Page> pages = new ArrayList<>();
        for (PipelineSpec pipeline : pipelines) {
            long start = System.nanoTime();
            DashboardSite.Page page = new DashboardSite.Page(pipeline, charts.draw(pipeline),
                    charts.coveredTo(pipeline));
            pages.add(page);
            console.err().printf(java.util.Locale.ROOT, "[strata] dashboard %s: %d chart(s), %,d point(s) in %.1fs%n",
                    pipeline.name(), page.charts().size(), page.charts().stream().mapToLong(c -> c.points().size())
                            .sum(), (System.nanoTime() - start) / 1e9);
        }
        DashboardSite.Written written = new DashboardSite(context.lake()).write(out, pages, Instant.now());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            rows.add(List.of(pages.get(i).pipeline().name(), String.valueOf(pages.get(i).charts().size()),
                    shown(written.pages().get(i))));
        }
        console.out().print(TextTable.render(List.of("pipeline", "charts", "page"), rows));
        return shown(written.index());
    }

    /** A local file as a plain path; anything else as its URI. */
    static String shown(String location) {
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location)).toString();
        }
        return location;
    }
}
