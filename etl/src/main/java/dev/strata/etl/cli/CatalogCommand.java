package dev.strata.etl.cli;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.warehouse.RedshiftLayout;
import dev.strata.catalog.warehouse.SqlDialect;
import dev.strata.catalog.warehouse.TableDdl;
import dev.strata.catalog.warehouse.TableDefinition;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.LocationRoot;
import dev.strata.etl.publish.Publication;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.PublishSpec;
import dev.strata.etl.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code strata catalog ddl}: the CREATE statements of the lake's clean and curated tables and served views for Athena
 * (native Delta), Redshift (with distribution and sort keys, VARCHAR lengths from the spec or the data)
 * or Redshift Spectrum (over the symlink manifests), with the names the pipelines' publish: sections give.
 * Athena and Spectrum locations are the lake's on S3; a local lake names its S3 place with --location-root.
 */
final class CatalogCommand implements Command {

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "catalog ddl: print Athena, Redshift or Spectrum DDL of the clean and curated tables and served views";
    }

    @Override
    public String usage() {
        return "ddl --dialect athena|redshift|spectrum [--table T] [--zone clean|curated|views] [--lake PATH]"
                + " [--location-root s3://BUCKET/PREFIX]";
    }

    @Override
    public Options options() {
        Options options = PublishOptions.locationRoot(PublishOptions.catalog(CommonOptions.lake(new Options())));
        options.addOption(Option.builder().longOpt("dialect").hasArg().argName("athena|redshift|spectrum")
                .desc("the SQL dialect (required)").build());
        options.addOption(Option.builder().longOpt("table").hasArg().argName("TABLE|ZONE.TABLE")
                .desc("only this table").build());
        options.addOption(Option.builder().longOpt("zone").hasArg().argName("clean|curated|views")
                .desc("only this zone (default: all three; Spectrum: curated tables and served views)").build());
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("NAME|FILE|s3a://URI")
                .desc("take names from this spec's publish: section (default: each table's own pipeline)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.size() != 1 || !args.get(0).equals("ddl")) {
            throw new UserError("name what to do: catalog ddl --dialect athena|redshift|spectrum");
        }
        String dialectText = Optional.ofNullable(line.getOptionValue("dialect"))
                .orElseThrow(() -> new UserError("catalog ddl needs --dialect athena, redshift or spectrum"));
        SqlDialect dialect;
        try {
            dialect = SqlDialect.valueOf(dialectText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--dialect takes athena, redshift or spectrum, not '" + dialectText + "'");
        }
        PublishOptions options = PublishOptions.parse(line);
        List<String> zones = Optional.ofNullable(line.getOptionValue("zone")).map(List::of)
                .orElse(dialect == SqlDialect.SPECTRUM ? PublishSpec.Glue.SERVED : List.of("clean", "curated", "views"));
        for (String zone : zones) {
            if (!List.of("clean", "curated", "views").contains(zone)) {
                throw new UserError("--zone takes clean, curated or views, not '" + zone + "'");
            }
        }
        try (Context context = new Context("strata catalog ddl", line)) {
            Optional<PipelineSpec> given = Optional.ofNullable(line.getOptionValue("spec"))
                    .map(s -> SpecReference.load(s, context.lake()));
            Map<String, Optional<PipelineSpec>> specs = new HashMap<>();
            LocalTableCatalog catalog = new LocalTableCatalog(context.lake().root(), context.lake().conf());
            Optional<String> only = Optional.ofNullable(line.getOptionValue("table"));
            List<TableEntry> entries = new ArrayList<>();
            for (TableEntry entry : catalog.list()) {
                boolean named = only.map(t -> t.contains(".") ? entry.name().toString().equals(t)
                        : entry.name().table().equals(t)).orElse(true);
                if (named && zones.contains(entry.name().zone()) && !entry.schema().isEmpty()) {
                    entries.add(entry);
                }
            }
            if (entries.isEmpty()) {
                throw new UserError("the catalog of " + context.lake().root() + " has no "
                        + alternatives(zones) + " table" + only.map(t -> " named " + t).orElse("")
                        + " with known columns; run a pipeline first (strata run --spec NAME)");
            }
            LocationRoot locations = LocationRoot.of(context.lake(), options.locationRoot());
            if (dialect != SqlDialect.REDSHIFT && !locations.known()) {
                throw new UserError("the lake " + context.lake().root() + " is local, and " + dialectText
                        + " tables are read from S3: give --location-root s3://BUCKET/PREFIX, where the lake's"
                        + " folders are (or will be) on S3");
            }
            DeltaTables delta = dialect == SqlDialect.REDSHIFT ? new DeltaTables(context.spark()) : null;
            for (TableEntry entry : entries) {
                String pipeline = entry.properties().getOrDefault("strata.pipeline", "");
                Optional<PipelineSpec> spec = given.isPresent() ? given : specs.computeIfAbsent(pipeline,
                        p -> bundled(p, context));
                console.out().println("-- " + entry.name() + (pipeline.isEmpty() ? "" : " (pipeline " + pipeline + ")"));
                console.out().println(ddl(entry, dialect, spec, options.gluePrefix(), delta,
                        locations.locate(entry.location())) + ";");
                console.out().println();
            }
            return 0;
        }
    }

    private static Optional<PipelineSpec> bundled(String pipeline, Context context) {
        if (pipeline.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpecReference.load(pipeline, context.lake()));
        } catch (SpecException | UserError e) {
            return Optional.empty(); // a pipeline from a spec file not at hand: the default names
        }
    }

    private static String ddl(TableEntry entry, SqlDialect dialect, Optional<PipelineSpec> spec, String prefix,
            DeltaTables delta, Optional<String> location) {
        String zone = entry.name().zone();
        String table = entry.name().table();
        if (dialect == SqlDialect.REDSHIFT) {
            PublishSpec.Redshift redshift = spec.flatMap(s -> s.publish().redshift()).orElse(null);
            String schema = redshift != null ? redshift.schema()
                    : entry.properties().getOrDefault("strata.pipeline", "strata");
            if (zone.equals("clean")) {
                schema += "_clean";
            }
            PublishSpec.Table settings = redshift == null || !PublishSpec.Glue.SERVED.contains(zone)
                    ? PublishSpec.Table.defaults(table)
                    : redshift.table(table).orElse(PublishSpec.Table.defaults(table));
            List<String> keys = settings.keys().orElseGet(() -> Optional.ofNullable(entry.properties()
                    .get("strata.keys")).filter(k -> !k.isBlank()).map(k -> List.of(k.split(","))).orElse(List.of()));
            TableDefinition definition = new TableDefinition(schema, settings.target(), entry.schema(),
                    entry.partitionColumns(), keys, Publication.layout(settings),
                    Publication.varcharLengths(delta.read(entry.location()), settings.varchar()), location);
            return new TableDdl(definition).create(dialect);
        }
        String database = spec.map(s -> Publishing.databases(s, prefix))
                .orElseGet(() -> Publishing.databases(defaultSpec(), prefix)).database(zone);
        String suffix = spec.flatMap(s -> s.publish().glue()).map(PublishSpec.Glue::spectrumSuffix).orElse("_spectrum");
        String name = dialect == SqlDialect.SPECTRUM ? table + suffix : table;
        TableDefinition definition = new TableDefinition(database, name, entry.schema(), entry.partitionColumns(),
                List.of(), RedshiftLayout.auto(), Map.of(), location);
        return new TableDdl(definition).create(dialect);
    }

    private static PipelineSpec defaultSpec() {
        return new PipelineSpec("strata", "", "", List.of(), List.of());
    }

    /** "a", "a or b", "a, b or c". */
    private static String alternatives(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
