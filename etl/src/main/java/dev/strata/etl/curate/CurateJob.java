package dev.strata.etl.curate;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
import dev.strata.etl.engine.Sessions;
import dev.strata.etl.engine.StepProfile;
import dev.strata.etl.engine.StepGraph;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.lake.WriteMetrics;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.CuratedMode;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.transforms.dimension.SlowlyChangingDimension;
import dev.strata.transforms.spark.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.ServiceLoader;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The curate stage: runs each curated step over the catalog's tables and lands it in a curated Delta table. */
public final class CurateJob {

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final SqlRoot sql;
    private final DeltaTables delta;
    private final Set<String> zones = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CurateJob(SparkSession spark, Lake lake, TableCatalog catalog, SqlRoot sql) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.sql = Objects.requireNonNull(sql, "sql is null");
        this.delta = new DeltaTables(spark);
    }

    public List<StageResult> run(PipelineSpec pipeline, RunLog log) {
        SessionTables tables = new SessionTables(spark, catalog);
        tables.bindAll();
        Set<String> available = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<TableEntry> entries = catalog.list();
        entries.forEach(e -> available.add(e.name().toString()));
        // the zones a statement may name, read once: the steps below re-register their tables side by side.
        // The zones this stage writes count from its first run on, before any of their tables is in the catalog:
        // else a step reading another step's table is never judged unchanged on the run after the first
        zones.add("work");
        zones.add("curated");
        entries.forEach(e -> zones.add(e.name().zone().toLowerCase(Locale.ROOT)));
        for (SourceSpec source : pipeline.sources()) {
            String table = "clean." + source.target().table();
            if (source.optional() && !available.contains(table)) {
                tables.bindEmpty(new TableName("clean", source.target().table()), source.clean().fields());
            }
        }
        Optional<StagingArea> staging = pipeline.staging().map(area -> new StagingArea(lake, area));
        Timestamp asOf = Timestamp.from(log.started());
        StepGraph<CuratedStep, StageResult> graph = StepGraph.byTables(pipeline.curated(), CurateJob::produces,
                step -> reads(step, pipeline));
        try {
            return graph.run(Sessions.parallelSteps(spark),
                    step -> runStep(step, pipeline, log, tables, available, staging, asOf));
        } finally {
            if (!materialised.isEmpty()) {
                lake.deleteRecursively(lake.scratch(pipeline.name()));
            }
            materialised.clear();
            cacheable.clear();
        }
    }

    /** The views of {@code cache: true} steps defined in this run. */
    private final Set<String> cacheable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Those of them whose rows were computed once in this run (their scratch copies go when the stage ends). */
    private final Set<String> materialised = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Computes once the rows of the {@code cache: true} views a step that is about to run reads: each such view is
     * written to the pipeline's scratch folder (Parquet) and redefined over that copy, so the steps that read it
     * after this one read its rows instead of computing them again. A view is computed only when a step needs
     * its rows (a rerun whose readers are all unchanged computes nothing); the views it is made from come first.
     */
    private void materialiseWhatItReads(CuratedStep step, PipelineSpec pipeline, RunLog log) {
        for (String table : reads(step, pipeline)) {
            if (!cacheable.contains(table)) {
                continue;
            }
            Optional<CuratedStep> view = pipeline.curated().stream()
                    .filter(v -> v.mode() == CuratedMode.VIEW && produces(v).contains(table) && v != step).findFirst();
            view.ifPresent(v -> materialiseWhatItReads(v, pipeline, log));
            synchronized (materialised) {
                if (!materialised.add(table)) {
                    continue;
                }
                String copy = lake.scratch(pipeline.name()) + "/" + table.substring(table.indexOf('.') + 1);
                try {
                    StepProfile.time(spark, "compute " + table + " once", () -> spark.table(table).write()
                            .mode("overwrite").parquet(copy));
                    spark.sql("CREATE OR REPLACE VIEW " + quoted(table) + " AS SELECT * FROM parquet.`" + copy + "`");
                } catch (RuntimeException e) {
                    // the view stays as it is defined: every reader computes it, as without cache: true
                    log.warn(table + ": cache: true could not keep its rows (" + String.valueOf(e.getMessage())
                            .split("\\n")[0] + "); each step that reads it computes it");
                }
            }
        }
    }

    private static String quoted(String table) {
        int dot = table.indexOf('.');
        return "`" + table.substring(0, dot) + "`.`" + table.substring(dot + 1) + "`";
    }

    private static Set<String> produces(CuratedStep step) {
        return Set.of((step.mode() == CuratedMode.VIEW ? "work." : "curated.") + step.name());
    }

    /**
     * The tables a step reads: those its SQL names (from Spark's parse of the statement) and its requirements;
     * a Java transform may read any. SQL that does not parse reads only its requirements here: running it
     * reports the mistake.
     */
    private Set<String> reads(CuratedStep step, PipelineSpec pipeline) {
        Set<String> tables = new HashSet<>(step.requires());
        tables.addAll(step.requiresAny());
        if (step.sql().isEmpty()) {
            pipeline.curated().forEach(other -> tables.addAll(produces(other)));
            return tables;
        }
        try {
            tables.addAll(new SqlTables(spark).of(boundStatement(step, pipeline)).qualified());
        } catch (RuntimeException e) {
            // left to the step's run, which reports the statement's mistake with its file
        }
        return tables;
    }

    private String boundStatement(CuratedStep step, PipelineSpec pipeline) {
        return SqlVariables.bind(SqlRoot.statement(sql.read(step.sql().get())), pipeline.variables(), step.name());
    }

    private StageResult runStep(CuratedStep step, PipelineSpec pipeline, RunLog log, SessionTables tables,
            Set<String> available, Optional<StagingArea> staging, Timestamp asOf) {
        long start = System.nanoTime();
        Optional<String> missing = missingInputs(step, available);
        if (missing.isPresent()) {
            log.warn("curated." + step.name() + " skipped: " + missing.get());
            StageResult skipped = new StageResult("curate", "curated." + step.name(), 0, 0, 0, 0, 0, 0,
                    (System.nanoTime() - start) / 1e9, Map.of(), "skipped: " + missing.get());
            log.stage(skipped);
            standIn(step, pipeline, available);
            return skipped;
        }
        Optional<String> inputs = step.mode() == CuratedMode.VIEW ? Optional.empty()
                : fingerprint(step, pipeline, staging, 0);
        Optional<TableEntry> current = inputs.flatMap(i -> unchanged(step, i, staging));
        if (current.isPresent()) {
            TableEntry entry = current.get();
            tables.bind(entry);
            available.add(entry.name().toString());
            StageResult kept = new StageResult("curate", "curated." + step.name(), 0, 0, 0, 0, 0, 0,
                    (System.nanoTime() - start) / 1e9, Map.of(), "unchanged: its SQL and the tables it reads are as at"
                    + " its last build");
            log.stage(kept);
            return kept;
        }
        spark.sparkContext().setJobGroup("strata-curate-" + step.name(), "curate " + step.name(), false);
        try {
            if (step.mode() == CuratedMode.VIEW) {
                StageResult viewed = view(step, pipeline, log, start);
                available.add("work." + step.name());
                return viewed;
            }
            materialiseWhatItReads(step, pipeline, log);
            Dataset<Row> result = StepProfile.time(spark, "plan the step's query", () -> compute(step, pipeline));
            String path = lake.curatedTable(step.name());
            WriteMetrics metrics = switch (step.mode()) {
                case MERGE -> delta.merge(result, path, step.mergeKeys(),
                        DeltaTables.anyDifferent(List.of(result.columns())), step.partitionBy());
                case REPLACE -> delta.replace(result, path, step.partitionBy());
                case REPLACE_PARTITIONS -> delta.replacePartitions(result, path, step.partitionBy());
                case SCD2 -> scd2(step, result, path, asOf);
                case VIEW -> throw new IllegalStateException("a view is not written");
            };
            Instant now = Instant.now();
            Map<String, String> properties = new java.util.TreeMap<>(Map.of("strata.pipeline", pipeline.name(),
                    "strata.mode", step.mode().specName()));
            if (step.mode() == CuratedMode.MERGE) {
                properties.put("strata.keys", String.join(",", step.mergeKeys()));
            }
            TableEntry entry = new TableEntry(new TableName("curated", step.name()), path, "delta",
                    step.partitionBy(), delta.schema(path), properties, now, now);
            StepProfile.time(spark, "catalog register", () -> catalog.register(entry));
            tables.bind(entry);
            available.add(entry.name().toString());
            String note = step.mode().specName();
            if (staging.isPresent() && step.stage()) {
                StagingArea.StagedTable staged = StepProfile.time(spark, "stage for COPY",
                        () -> staging.get().stage(step.name(), delta.read(path)));
                note += ", staged " + staged.files() + " file(s)";
            }
            if (inputs.isPresent()) {
                // recorded last, once the table and its staged copy are whole: a run that stops before this
                // point builds the table again next time
                Map<String, String> built = new TreeMap<>(properties);
                built.put(INPUTS, inputs.get());
                built.put(BUILT_VERSION, Long.toString(delta.version(path)));
                TableEntry builtEntry = new TableEntry(entry.name(), path, "delta", step.partitionBy(),
                        entry.schema(), built, now, Instant.now());
                StepProfile.time(spark, "catalog register", () -> catalog.register(builtEntry));
            }
            long rows = metrics.operation().equals("MERGE") ? metrics.sourceRows() : metrics.rowsWritten();
            StageResult stage = new StageResult("curate", "curated." + step.name(), rows, rows, 0, 0,
                    metrics.inserted(), metrics.updated(), (System.nanoTime() - start) / 1e9, Map.of(), note);
            log.stage(stage);
            return stage;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Catalog property: the fingerprint of what a curated table was last built from. */
    static final String INPUTS = "strata.inputs";
    /** Catalog property: the table's Delta version that build left. */
    static final String BUILT_VERSION = "strata.built_version";

    /** Functions whose value changes from run to run over the same tables: a step calling one always runs. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(current_timestamp|current_timezone|localtimestamp|now|rand|randn|random|uuid|shuffle"
                    + "|input_file_name|monotonically_increasing_id)\\b|\\bunix_timestamp\\s*\\(\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    /** Today's date in SQL: the same for every run of one day, so it counts as the day it is in the fingerprint. */
    private static final Pattern TODAY = Pattern.compile("\\b(current_date|curdate)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * What a SQL step's table is built from, as one hash: the engine's version, the step's definition, its SQL
     * with the variables bound, today's date in the session's time zone when the SQL asks for it, and for each
     * table it reads the Delta version it is at (for a work view, the same of the view, recursively). Empty
     * when the step cannot be judged unchanged: a Java transform (it may read anything), or SQL that calls a
     * function whose value changes from run to run.
     */
    private Optional<String> fingerprint(CuratedStep step, PipelineSpec pipeline, Optional<StagingArea> staging,
            int depth) {
        if (step.sql().isEmpty() || depth > pipeline.curated().size()) {
            return Optional.empty();
        }
        String text = boundStatement(step, pipeline);
        if (VOLATILE.matcher(text).find()) {
            return Optional.empty();
        }
        SqlTables.Reads named;
        try {
            named = new SqlTables(spark).of(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!named.onlyIn(zones)) {
            // a path, another catalog's table, an unqualified name: what it was at the last build is unknown
            return Optional.empty();
        }
        StringBuilder what = new StringBuilder("curate/1 ")
                .append(Objects.toString(CurateJob.class.getPackage().getImplementationVersion(), "dev")).append('\n')
                .append(step.mode().specName()).append(' ').append(step.mergeKeys()).append(' ')
                .append(step.partitionBy()).append(' ').append(step.stage() ? staging.map(a -> a.location(step.name()))
                        .orElse("-") : "-").append('\n').append(text).append('\n');
        if (TODAY.matcher(text).find()) {
            what.append("today=").append(java.time.LocalDate.now(java.time.ZoneId.of(
                    spark.conf().get("spark.sql.session.timeZone")))).append('\n');
        }
        for (String table : new TreeSet<>(named.qualified())) {
            if (produces(step).contains(table)) {
                // its own table (named in a comment, or read by an incremental step) is covered by the built
                // version check; its version here would change with every build
                continue;
            }
            what.append(table).append('=');
            if (table.startsWith("work.")) {
                Optional<CuratedStep> view = pipeline.curated().stream()
                        .filter(o -> o.mode() == CuratedMode.VIEW && ("work." + o.name()).equals(table)).findFirst();
                Optional<String> inner = view.flatMap(v -> fingerprint(v, pipeline, Optional.empty(), depth + 1));
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                what.append(inner.get());
            } else {
                what.append(catalog.lookup(TableName.parse(table))
                        .map(e -> e.location() + "@" + delta.version(e.location())).orElse("absent"));
            }
            what.append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step's catalog entry when its table was last built from exactly these inputs and is still as that
     * build left it (no later commit, its staged copy in place): then building it again would write the same
     * rows.
     */
    private Optional<TableEntry> unchanged(CuratedStep step, String inputs, Optional<StagingArea> staging) {
        return catalog.lookup(new TableName("curated", step.name()))
                .filter(e -> inputs.equals(e.properties().get(INPUTS)))
                .filter(e -> Long.toString(delta.version(e.location())).equals(e.properties().get(BUILT_VERSION)))
                .filter(e -> !step.stage() || staging.isEmpty() || lake.exists(staging.get().manifest(step.name())));
    }

    /**
     * A skipped step's table, when no earlier run made it, becomes an empty view with the columns its SQL
     * would give, so that later steps reading it still run.
     */
    private void standIn(CuratedStep step, PipelineSpec pipeline, Set<String> available) {
        if (available.contains("curated." + step.name()) || step.sql().isEmpty()) {
            return;
        }
        String text = SqlVariables.bind(SqlRoot.statement(sql.read(step.sql().get())), pipeline.variables(),
                step.name());
        try {
            spark.sql("CREATE DATABASE IF NOT EXISTS `curated`");
            spark.sql("CREATE OR REPLACE VIEW `curated`.`" + step.name() + "` AS SELECT * FROM (" + text
                    + ") WHERE 1 = 0");
        } catch (Exception e) {
            // a table this step reads is missing altogether: later steps that read it are skipped too
        }
    }

    private StageResult view(CuratedStep step, PipelineSpec pipeline, RunLog log, long start) {
        String text = step.sql().map(file -> SqlVariables.bind(SqlRoot.statement(sql.read(file)),
                pipeline.variables(), step.name())).orElseThrow(() ->
                new UserError("curated step " + step.name() + ": mode view needs sql:, not transform:"));
        spark.sql("CREATE DATABASE IF NOT EXISTS `work`");
        try {
            spark.sql("CREATE OR REPLACE VIEW `work`.`" + step.name() + "` AS " + text);
        } catch (Exception e) {
            throw sqlError(step, e);
        }
        if (step.cache()) {
            cacheable.add("work." + step.name());
        }
        StageResult stage = new StageResult("curate", "work." + step.name(), 0, 0, 0, 0, 0, 0,
                (System.nanoTime() - start) / 1e9, Map.of(), "view");
        log.stage(stage);
        return stage;
    }

    private RuntimeException sqlError(CuratedStep step, Exception e) {
        if (e instanceof AnalysisException || e.getClass().getName().contains("ParseException")) {
            return new UserError("curated step " + step.name() + " (" + sql.describe() + step.sql().orElse("")
                    + "): " + e.getMessage().split("\n")[0]);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** Why a step cannot run: a required table that is not there, or none of its alternatives. */
    private static Optional<String> missingInputs(CuratedStep step, Set<String> available) {
        List<String> absent = step.requires().stream().filter(t -> !available.contains(t)).toList();
        if (!absent.isEmpty()) {
            return Optional.of("it needs " + String.join(", ", absent) + ", which this lake does not have");
        }
        if (!step.requiresAny().isEmpty() && step.requiresAny().stream().noneMatch(available::contains)) {
            return Optional.of("it needs one of " + String.join(", ", step.requiresAny())
                    + ", and this lake has none of them");
        }
        return Optional.empty();
    }

    private Dataset<Row> compute(CuratedStep step, PipelineSpec pipeline) {
        if (step.sql().isPresent()) {
            String text = SqlVariables.bind(SqlRoot.statement(sql.read(step.sql().get())), pipeline.variables(),
                    step.name());
            try {
                return spark.sql(text);
            } catch (Exception e) {
                throw sqlError(step, e);
            }
        }
        String name = step.transform().orElseThrow();
        for (CuratedTransform transform : ServiceLoader.load(CuratedTransform.class)) {
            if (transform.name().equals(name)) {
                return transform.apply(spark);
            }
        }
        throw new UserError("curated step " + step.name() + " names transform '" + name
                + "', which is not on the classpath");
    }

    private WriteMetrics scd2(CuratedStep step, Dataset<Row> incoming, String path, Timestamp asOf) {
        SlowlyChangingDimension dimension = new SlowlyChangingDimension(step.mergeKeys(),
                trackedColumns(incoming, step.mergeKeys()));
        if (!delta.exists(path)) {
            return delta.replace(dimension.initial(incoming, asOf), path, step.partitionBy());
        }
        // the new dimension is computed from the current one, so materialise it before overwriting
        Dataset<Row> next = dimension.changes(delta.read(path), incoming, asOf).transform(Checkpoints.CUT);
        return delta.replace(next, path, step.partitionBy());
    }

    private static List<String> trackedColumns(Dataset<Row> incoming, List<String> keys) {
        return List.of(incoming.columns()).stream().filter(c -> !keys.contains(c)).toList();
    }
}
