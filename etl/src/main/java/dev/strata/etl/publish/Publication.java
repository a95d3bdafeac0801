package dev.strata.etl.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.to_json;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.glue.GlueTableCatalog;
import dev.strata.catalog.glue.SpectrumRegistration;
import dev.strata.catalog.notify.TableReady;
import dev.strata.catalog.warehouse.BatchInsert;
import dev.strata.catalog.warehouse.DistStyle;
import dev.strata.catalog.warehouse.LoadPlan;
import dev.strata.catalog.warehouse.LoadResult;
import dev.strata.catalog.warehouse.RedshiftLayout;
import dev.strata.catalog.warehouse.RedshiftLoad;
import dev.strata.catalog.warehouse.SpectrumSchema;
import dev.strata.catalog.warehouse.StageFill;
import dev.strata.catalog.warehouse.TableDefinition;
import dev.strata.catalog.warehouse.WarehouseFlavor;
import dev.strata.catalog.warehouse.WarehouseLoadException;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.StagingArea;
import dev.strata.etl.engine.Sessions;
import dev.strata.etl.engine.StepGraph;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.lake.LocationRoot;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.PublishSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Publishes a pipeline's tables as its spec's {@code publish:} section says, to the targets the command
 * gives: every table of the pipeline to Glue (with a Spectrum table over each curated table's symlink
 * manifest), each curated table staged as Parquet with a COPY manifest and loaded into Redshift by COPY
 * and MERGE (one transaction per table; a table that fails leaves its target as it was and the others
 * still load), and a completion notice per staged table. Every step is idempotent: publishing the same
 * tables again changes nothing.
 */
public final class Publication {

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog lakeCatalog;
    private final DeltaTables delta;

    public Publication(SparkSession spark, Lake lake, TableCatalog lakeCatalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.lakeCatalog = Objects.requireNonNull(lakeCatalog, "lakeCatalog is null");
        this.delta = new DeltaTables(spark);
    }

    /** The tables a pipeline registered in the lake's catalog, sorted by name. */
    public List<TableEntry> tables(PipelineSpec spec) {
        return lakeCatalog.list().stream()
                .filter(e -> spec.name().equals(e.properties().get("strata.pipeline")))
                .toList();
    }

    /**
     * Publishes; {@code only} restricts the warehouse load to one curated table.
     *
     * @throws ServiceFailure naming the tables whose load failed, after the others were loaded
     */
    public List<StageResult> publish(PipelineSpec spec, PublishTargets targets, Optional<String> only, RunLog log) {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(targets, "targets is null");
        Objects.requireNonNull(only, "only is null");
        Objects.requireNonNull(log, "log is null");
        List<TableEntry> tables = tables(spec);
        List<StageResult> results = new ArrayList<>();
        if (tables.isEmpty()) {
            log.warn("publish " + spec.name() + ": the lake has no tables of this pipeline yet; run it first");
            return results;
        }
        PublishSpec.Glue glue = spec.publish().glue().orElse(null);
        if (targets.glue().isPresent()) {
            results.addAll(glue(spec, glue, targets, tables, log));
        }
        boolean load = targets.warehouseUrl().isPresent();
        if (load || targets.notices().isPresent()) {
            results.addAll(warehouse(spec, targets, tables, only, load, log));
        }
        if (targets.glue().isEmpty() && !load && targets.notices().isEmpty()) {
            log.info("publish " + spec.name() + ": nothing to publish to (pass --catalog glue for Glue, "
                    + "--redshift-url or the spec's publish.redshift.url for Redshift, --notify for notices)");
        }
        return results;
    }

    // ---- Glue ---------------------------------------------------------------------------------------

    private List<StageResult> glue(PipelineSpec spec, PublishSpec.Glue settings, PublishTargets targets,
            List<TableEntry> tables, RunLog log) {
        GlueTableCatalog glue = targets.glue().get();
        List<String> zones = settings == null ? PublishSpec.Glue.ZONES : settings.zones();
        boolean spectrum = settings == null || settings.spectrum();
        String suffix = settings == null ? "_spectrum" : settings.spectrumSuffix();
        SymlinkManifests manifests = new SymlinkManifests(spark, lake);
        List<TableEntry> registered = tables.stream().filter(e -> zones.contains(e.name().zone())).toList();
        if (targets.dryRun()) {
            registered.forEach(entry -> log.info("publish (dry run): would register " + entry.name() + " in Glue"
                    + (spectrum && served(entry) ? " with its Spectrum table" : "")));
            return List.of();
        }
        // tables are independent: registered side by side (each is a few Glue calls and, with its Spectrum
        // table, a manifest job), results in the tables' order
        return new StepGraph<TableEntry, StageResult>(registered, e -> Set.of()).run(Sessions.parallelSteps(spark),
                entry -> registerInGlue(entry, glue, manifests, spectrum, suffix, log));
    }

    private StageResult registerInGlue(TableEntry entry, GlueTableCatalog glue, SymlinkManifests manifests,
            boolean spectrum, String suffix, RunLog log) {
        long start = System.nanoTime();
        glue.register(entry);
        String note = "Glue: Delta table for Athena";
        if (spectrum && served(entry)) {
            manifests.generate(entry.location());
            List<Map<String, String>> partitions = manifests.partitions(entry.location(), entry.partitionColumns());
            SpectrumRegistration registration = glue.registerSpectrum(entry, entry.name().table() + suffix,
                    entry.partitionColumns().isEmpty() ? List.of() : partitions);
            note += String.format(Locale.ROOT, "; Spectrum table %s (%s; partitions: %d new, %d updated, %d gone,"
                    + " %d unchanged)", registration.table(), registration.tableChange().name().toLowerCase(
                            Locale.ROOT), registration.created(), registration.updated(), registration.deleted(),
                    registration.unchanged());
            if (!registration.succeeded()) {
                registration.errors().forEach(e -> log.warn("Glue partition of " + registration.table() + ": " + e));
                throw new CatalogServiceException(CatalogServiceException.Category.SERVICE, "Glue refused "
                        + registration.errors().size() + " partition(s) of " + registration.table() + ": "
                        + registration.errors().get(0), null);
            }
        }
        StageResult result = new StageResult("publish", "glue:" + entry.name(), 1, 1, 0, 0, 0, 0, seconds(start),
                Map.of(), note);
        log.stage(result);
        return result;
    }

    // ---- Redshift -----------------------------------------------------------------------------------

    private List<StageResult> warehouse(PipelineSpec spec, PublishTargets targets, List<TableEntry> tables,
            Optional<String> only, boolean load, RunLog log) {
        PublishSpec.Redshift settings = spec.publish().redshift().orElseGet(() -> new PublishSpec.Redshift(
                Optional.empty(), Optional.empty(), "STRATA_REDSHIFT_PASSWORD", Optional.empty(), spec.name(),
                Optional.empty(), List.of(), false));
        Map<TableEntry, PublishSpec.Table> chosen = new LinkedHashMap<>();
        for (TableEntry entry : tables) {
            if (served(entry) && !entry.schema().isEmpty()) {
                settings.table(entry.name().table()).ifPresent(t -> chosen.put(entry, t));
            }
        }
        Map<String, TableEntry> targetsTaken = new LinkedHashMap<>();
        for (Map.Entry<TableEntry, PublishSpec.Table> e : chosen.entrySet()) {
            TableEntry other = targetsTaken.putIfAbsent(e.getValue().target(), e.getKey());
            if (other != null) {
                throw new UserError(other.name() + " and " + e.getKey().name() + " would both load into "
                        + settings.schema() + "." + e.getValue().target() + ": views and curated tables share the warehouse"
                        + " schema, so rename the view in " + spec.origin());
            }
        }
        if (only.isPresent()) {
            chosen.keySet().removeIf(e -> !e.name().table().equals(only.get()));
            if (chosen.isEmpty()) {
                throw new UserError("--table " + only.get() + " is not a curated table or view of " + spec.name()
                        + " that publish.redshift loads");
            }
        }
        String url = targets.warehouseUrl().orElse("");
        WarehouseFlavor flavor = load ? WarehouseFlavor.ofJdbcUrl(url) : WarehouseFlavor.REDSHIFT;
        Optional<String> role = targets.iamRole().or(settings::iamRole);
        if (load && flavor == WarehouseFlavor.REDSHIFT && role.isEmpty()) {
            throw new UserError("loading Redshift needs an IAM role for COPY: give publish.redshift.iam_role in "
                    + spec.origin() + " or --iam-role ARN");
        }
        LocationRoot locations = LocationRoot.of(lake, targets.locationRoot());
        if (load && flavor == WarehouseFlavor.REDSHIFT && !targets.dryRun() && !locations.lakeOnS3()) {
            throw new UserError("Redshift COPY reads the staged files from S3, but the lake " + lake.root()
                    + " is local: publish from an s3a:// lake, or load PostgreSQL (a jdbc:postgresql: URL), which"
                    + " takes the rows by INSERT");
        }
        if (load && flavor == WarehouseFlavor.REDSHIFT && targets.dryRun() && !locations.known()) {
            throw new UserError("a dry run of a Redshift COPY from the local lake " + lake.root()
                    + " needs --location-root s3://BUCKET/PREFIX: where the lake's folders would be on S3");
        }
        StagingArea staging = new StagingArea(lake, spec.staging().orElse(spec.name()));
        Consumer<String> statements = sql -> log.info((targets.dryRun() ? "sql (dry run): " : "sql: ")
                + sql.replaceAll("\\s+", " "));
        List<Map.Entry<TableEntry, PublishSpec.Table>> work = List.copyOf(chosen.entrySet());
        List<StageResult> results = new ArrayList<>();
        boolean connect = load && !targets.dryRun();
        Connection connection = null;
        try {
            if (connect) {
                connection = open(targets, settings, url);
            }
            if (load && settings.spectrumSchema().isPresent() && role.isPresent()) {
                String database = targets.databases().database("curated");
                String create = new SpectrumSchema(settings.spectrumSchema().get(), database, role.get())
                        .createStatement();
                execute(connection, create, statements, targets.dryRun(), flavor);
            }
            // the first table on this connection alone (it creates the schema, which two sessions creating it
            // at once can collide on); the others side by side, each in a session of its own, as each is one
            // transaction that waits on the warehouse (a dry run in order, so its statements read in order)
            BiFunction<Map.Entry<TableEntry, PublishSpec.Table>, Connection, StageResult> one = (table, session) ->
                    loadOrKeep(spec, settings, table.getValue(), table.getKey(), staging, locations, session, flavor,
                            role, targets, load, statements, log);
            if (!work.isEmpty()) {
                results.add(one.apply(work.get(0), connection));
                results.addAll(new StepGraph<Map.Entry<TableEntry, PublishSpec.Table>, StageResult>(
                        work.subList(1, work.size()), table -> Set.of())
                        .run(targets.dryRun() ? 1 : Sessions.parallelSteps(spark), table -> {
                            if (!connect) {
                                return one.apply(table, null);
                            }
                            Connection own = open(targets, settings, url);
                            try {
                                return one.apply(table, own);
                            } finally {
                                close(own);
                            }
                        }));
            }
        } finally {
            close(connection);
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            if (results.get(i).note().startsWith(FAILED)) {
                failed.add(work.get(i).getKey().name().table());
            }
        }
        if (!failed.isEmpty()) {
            throw new ServiceFailure(failed.size() + " of " + chosen.size() + " table(s) could not be loaded into "
                    + settings.schema() + " (" + String.join(", ", failed) + "); the others were loaded", null);
        }
        return results;
    }

    /** Note of a table whose load failed (its target is as it was). */
    private static final String FAILED = "FAILED: ";

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // every load has committed or rolled back by now
            }
        }
    }

    /** One table's load; a load the warehouse refused leaves the target as it was and is reported, not thrown. */
    private StageResult loadOrKeep(PipelineSpec spec, PublishSpec.Redshift settings, PublishSpec.Table table,
            TableEntry entry, StagingArea staging, LocationRoot locations, Connection connection, WarehouseFlavor flavor,
            Optional<String> role, PublishTargets targets, boolean load, Consumer<String> statements, RunLog log) {
        long start = System.nanoTime();
        try {
            return loadTable(spec, settings, table, entry, staging, locations, connection, flavor, role, targets,
                    load, statements, log, start);
        } catch (WarehouseLoadException | IllegalArgumentException failure) {
            log.warn("publish " + entry.name() + " into " + settings.schema() + "." + table.target()
                    + " failed, the table is as it was: " + failure.getMessage());
            StageResult result = new StageResult("publish", "redshift:" + settings.schema() + "." + table.target(),
                    0, 0, 0, 0, 0, 0, seconds(start), Map.of(), FAILED + failure.getMessage());
            log.stage(result);
            return result;
        }
    }

    private Connection open(PublishTargets targets, PublishSpec.Redshift settings, String url) {
        boolean iam = url.toLowerCase(Locale.ROOT).startsWith("jdbc:redshift:iam:");
        try {
            return targets.connections().open(url, targets.warehouseUser().or(settings::user),
                    iam ? Optional.empty() : Optional.of(settings.passwordEnv()));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ServiceFailure(e.getMessage() + "; nothing was loaded", e);
        }
    }

    private StageResult loadTable(PipelineSpec spec, PublishSpec.Redshift settings, PublishSpec.Table table,
            TableEntry entry, StagingArea staging, LocationRoot locations, Connection connection, WarehouseFlavor flavor,
            Optional<String> role, PublishTargets targets, boolean load, Consumer<String> statements, RunLog log,
            long start) {
        Dataset<Row> rows = delta.read(entry.location());
        StructType schema = rows.schema();
        List<String> keys = table.keys().orElseGet(() -> Optional.ofNullable(entry.properties().get("strata.keys"))
                .filter(k -> !k.isBlank()).map(k -> List.of(k.split(","))).orElse(List.of()));
        TableDefinition definition = new TableDefinition(settings.schema(), table.target(), schema,
                entry.partitionColumns(), keys, layout(table), varcharLengths(rows, table.varchar()),
                locations.locate(staging.location(stagedName(entry))));
        if (targets.dryRun()) {
            Optional<String> manifest = locations.locate(staging.manifest(stagedName(entry)))
                    .map(StagingArea::copyUrl);
            LoadPlan plan = flavor == WarehouseFlavor.REDSHIFT && role.isPresent() && manifest.isPresent()
                    ? LoadPlan.fromManifest(definition, manifest.get(), role.get(), flavor)
                    : LoadPlan.withoutCopy(definition, flavor);
            StageFill fill = plan.manifestUrl().isPresent() ? plan.copyFromManifest()
                    : new BatchInsert(java.util.Collections.emptyIterator());
            new RedshiftLoad(plan).statements(fill).forEach(statements);
            StageResult planned = new StageResult("publish", "redshift:" + definition.schema() + "." + definition.name(),
                    0, 0, 0, 0, 0, 0, seconds(start), Map.of(), "dry run: nothing staged or loaded");
            log.stage(planned);
            return planned;
        }
        StagingArea.StagedTable staged = staging.stage(stagedName(entry), rows);
        long count = spark.read().parquet(staged.location()).count();
        String note = "staged " + staged.files() + " file(s)";
        LoadResult result = null;
        if (load) {
            LoadPlan plan;
            StageFill fill;
            if (flavor == WarehouseFlavor.REDSHIFT) {
                plan = LoadPlan.fromManifest(definition, StagingArea.copyUrl(staged.manifest()), role.orElseThrow(),
                        flavor);
                fill = plan.copyFromManifest();
            } else {
                plan = LoadPlan.withoutCopy(definition, flavor);
                fill = new BatchInsert(jdbcRows(spark.read().parquet(staged.location()), schema));
            }
            result = new RedshiftLoad(plan).execute(connection, fill, statements);
            note += String.format(Locale.ROOT, "; %s %s: %,d staged, %,d new, %,d matched%s", flavor.name()
                    .toLowerCase(Locale.ROOT), keys.isEmpty() ? "replace" : "merge on " + String.join(", ", keys),
                    result.rowsStaged(), result.rowsInserted(), result.rowsUpdated(),
                    result.duplicateRowsDropped() > 0 ? ", " + result.duplicateRowsDropped() + " duplicate key(s) dropped"
                            : "");
        }
        targets.notices().ifPresent(n -> n.publish(new TableReady(spec.name(), targets.runId(), entry.name().toString(),
                StagingArea.copyUrl(staged.manifest()), StagingArea.copyUrl(staged.location()), count, staged.files(),
                staged.bytes(), Instant.now())));
        if (targets.notices().isPresent()) {
            note += "; notice sent";
        }
        long loaded = result == null ? count : result.rowsStaged();
        StageResult stage = new StageResult("publish", "redshift:" + definition.schema() + "." + definition.name(),
                loaded, loaded, 0, 0, result == null ? 0 : result.rowsInserted(),
                result == null ? 0 : result.rowsUpdated(), seconds(start), Map.of(), note);
        log.stage(stage);
        return stage;
    }

    /** Curated tables and served views: the zones with a Spectrum twin and a warehouse load. */
    private static boolean served(TableEntry entry) {
        return PublishSpec.Glue.SERVED.contains(entry.name().zone());
    }

    /** A served view is staged in a folder of its own, so it never meets a curated table of the same name. */
    private static String stagedName(TableEntry entry) {
        return entry.name().zone().equals("views") ? "views/" + entry.name().table() : entry.name().table();
    }

    private static void execute(Connection connection, String sql, Consumer<String> statements, boolean dryRun,
            WarehouseFlavor flavor) {
        statements.accept(sql);
        if (dryRun || flavor != WarehouseFlavor.REDSHIFT) {
            return; // an external schema over Glue exists only in Redshift
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new ServiceFailure("Redshift refused CREATE EXTERNAL SCHEMA: " + e.getMessage(), e);
        }
    }

    /** The distribution and sort keys a table's settings give. */
    public static RedshiftLayout layout(PublishSpec.Table table) {
        if (table.distKey().isPresent()) {
            return RedshiftLayout.distributedBy(table.distKey().get(), table.sortKeys());
        }
        return RedshiftLayout.of(DistStyle.valueOf(table.distStyle().toUpperCase(Locale.ROOT)), table.sortKeys());
    }

    /**
     * VARCHAR lengths: the spec's, else twice the longest value in bytes rounded up to a power of two
     * (at least 16, at most 65535), measured in one scan, so a later, somewhat longer value still fits.
     */
    public static Map<String, Integer> varcharLengths(Dataset<Row> rows, Map<String, Integer> declared) {
        List<String> measured = Arrays.stream(rows.schema().fields())
                .filter(f -> f.dataType() instanceof StringType && !declared.containsKey(f.name()))
                .map(StructField::name).toList();
        Map<String, Integer> lengths = new LinkedHashMap<>(declared);
        if (measured.isEmpty()) {
            return lengths;
        }
        Row longest = rows.agg(max(octet_length(col(measured.get(0)))), measured.stream().skip(1)
                .map(c -> max(octet_length(col(c)))).toArray(Column[]::new)).first();
        for (int i = 0; i < measured.size(); i++) {
            long bytes = longest.isNullAt(i) ? 0 : ((Number) longest.get(i)).longValue();
            long length = Math.max(16, Long.highestOneBit(Math.max(1, bytes * 2 - 1)) << 1);
            lengths.put(measured.get(i), (int) Math.min(65535, length));
        }
        return lengths;
    }

    /** The staged rows as JDBC values, nested columns as JSON text, streamed a partition at a time. */
    private static Iterator<Object[]> jdbcRows(Dataset<Row> staged, StructType schema) {
        Column[] columns = Arrays.stream(schema.fields())
                .map(f -> nested(f.dataType()) ? to_json(col(f.name())).as(f.name()) : col(f.name()))
                .toArray(Column[]::new);
        Iterator<Row> rows = staged.select(columns).toLocalIterator();
        int width = schema.fields().length;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Row row = rows.next();
                Object[] values = new Object[width];
                for (int i = 0; i < width; i++) {
                    values[i] = row.isNullAt(i) ? null : row.get(i);
                }
                return values;
            }
        };
    }

    private static boolean nested(DataType type) {
        return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
