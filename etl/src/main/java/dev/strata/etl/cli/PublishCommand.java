package dev.strata.etl.cli;

import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.spec.PipelineSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code strata publish}: publishes what a pipeline has written, as its spec's publish: section says,
 * without running it; {@code strata redshift load} does the warehouse part alone. Both hold the
 * pipeline's lock and write a run record.
 */
final class PublishCommand implements Command {

    private final boolean warehouseOnly;

    private PublishCommand(boolean warehouseOnly) {
        this.warehouseOnly = warehouseOnly;
    }

    static PublishCommand publish() {
        return new PublishCommand(false);
    }

    static PublishCommand redshift() {
        return new PublishCommand(true);
    }

    @Override
    public String name() {
        return warehouseOnly ? "redshift" : "publish";
    }

    @Override
    public String summary() {
        return warehouseOnly ? "redshift load: stage the curated tables and COPY + MERGE them into Redshift"
                : "publish a pipeline's tables to Glue (Athena, Spectrum), Redshift and SNS as its spec says";
    }

    @Override
    public String usage() {
        return (warehouseOnly ? "load " : "") + "--spec NAME|FILE [--lake PATH] [--table T] [--dry-run] [options]";
    }

    @Override
    public Options options() {
        Options options = PublishOptions.dryRun(PublishOptions.publish(CommonOptions.spec(CommonOptions.lake(
                new Options()))));
        options.addOption(Option.builder().longOpt("table").hasArg().argName("TABLE")
                .desc("load this curated table or served view only").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (warehouseOnly && (args.size() != 1 || !args.get(0).equals("load"))) {
            throw new dev.strata.etl.UserError("name what to do: redshift load");
        }
        if (!warehouseOnly && !args.isEmpty()) {
            throw new dev.strata.etl.UserError("publish takes no arguments, not '" + String.join(" ", args) + "'");
        }
        PublishOptions options = PublishOptions.parse(line);
        Duration patience = Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0));
        try (Context context = new Context("strata " + name(), line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec"), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            if (warehouseOnly && options.redshiftUrl().isEmpty()
                    && spec.publish().redshift().flatMap(r -> r.url()).filter(u -> !u.isBlank()).isEmpty()
                    && !options.dryRun()) {
                throw new dev.strata.etl.UserError("redshift load needs a warehouse: --redshift-url JDBC_URL or"
                        + " publish.redshift.url in " + spec.origin());
            }
            Optional<String> table = Optional.ofNullable(line.getOptionValue("table"));
            table.ifPresent(t -> checkTable(t, spec, context));
            SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
            try (Publishing publishing = new Publishing(spec, options)) {
                publishing.only(table);
                if (warehouseOnly) {
                    publishing.warehouseOnly();
                }
                return PipelineCommand.runPipeline(context, spec, sqlRoot, patience, console,
                        warehouseOnly ? "redshift load" : "publish", List.of(), false, publishing, true);
            }
        }
    }

    /**
     * A --table that the lake's catalog does not hold as a loadable curated table or served view of the spec is a
     * mistake.
     */
    private static void checkTable(String table, PipelineSpec spec, Context context) {
        List<String> curated = context.catalog().list().stream()
                .filter(e -> spec.name().equals(e.properties().get("strata.pipeline")))
                .filter(e -> e.name().zone().equals("curated") && !e.schema().isEmpty()
                        || e.name().zone().equals("views") && spec.view(e.name().table()).isPresent())
                .map(e -> e.name().table())
                .filter(t -> spec.publish().redshift().map(r -> r.table(t).isPresent()).orElse(true))
                .sorted().toList();
        if (curated.isEmpty()) {
            throw new dev.strata.etl.UserError("--table " + table + ": the lake " + context.lake().root()
                    + " has no curated table or served view of " + spec.name() + " yet; run the pipeline first");
        }
        if (!curated.contains(table)) {
            throw new dev.strata.etl.UserError("--table " + table + " is not a curated table or view of " + spec.name()
                    + " that publishing loads; it loads: " + String.join(", ", curated));
        }
    }
}
