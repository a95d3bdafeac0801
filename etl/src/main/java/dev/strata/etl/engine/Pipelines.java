package dev.strata.etl.engine;

import dev.strata.catalog.TableCatalog;
import dev.strata.etl.clean.CleanJob;
import dev.strata.etl.curate.CurateJob;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.identity.IdentityStage;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.raw.IngestResult;
import dev.strata.etl.raw.RawZone;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.views.ViewLayers;
import dev.strata.transforms.clean.DerivedColumn;
import dev.strata.transforms.clean.DerivedFunctions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.RuleKind;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/** Runs a pipeline's stages: ingest (raw), clean, curate, or all three in order. */
public final class Pipelines {

    /** The stages, in the order {@code run} takes them; identity runs only for a spec with an identity section. */
    public enum Stage { INGEST, CLEAN, IDENTITY, CURATE, VIEWS }

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final SqlRoot sqlRoot;
    private final RawZone raw;
    private boolean fullIdentity;

    public Pipelines(SparkSession spark, Lake lake, TableCatalog catalog, SqlRoot sqlRoot, Clock clock) {
        this.spark = spark;
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.sqlRoot = Objects.requireNonNull(sqlRoot, "sqlRoot is null");
        this.raw = new RawZone(lake, Objects.requireNonNull(clock, "clock is null"));
    }

    private java.util.function.Predicate<String> batches = batch -> true;

    /** Makes the clean stage take only the pending raw batches {@code accepted} accepts. */
    public Pipelines onlyBatches(java.util.function.Predicate<String> accepted) {
        this.batches = Objects.requireNonNull(accepted, "accepted is null");
        return this;
    }

    /** Makes the identity stage resolve every record again instead of only the new ones. */
    public Pipelines fullIdentity(boolean full) {
        this.fullIdentity = full;
        return this;
    }

    public List<StageResult> run(PipelineSpec spec, List<Stage> stages, RunLog log) {
        List<StageResult> results = new ArrayList<>();
        for (Stage stage : stages) {
            switch (stage) {
                case INGEST -> spec.sources().forEach(s -> results.add(ingest(s, log)));
                case CLEAN -> results.addAll(StepGraph.<SourceSpec, StageResult>byTables(spec.sources(),
                        s -> Set.of("clean." + s.target().table()), Pipelines::referencedTables)
                        .run(Sessions.parallelSteps(requireSpark()), s -> clean(spec, s, log)));
                case IDENTITY -> {
                    if (spec.identity().isPresent()) {
                        results.addAll(new IdentityStage(requireSpark(), lake, catalog).run(spec, fullIdentity, log));
                    }
                }
                case CURATE -> {
                    if (!spec.curated().isEmpty()) {
                        results.addAll(new CurateJob(requireSpark(), lake, catalog, sqlRoot).run(spec, log));
                    }
                }
                // views are independent of one another: each reads the history and writes its own tables
                case VIEWS -> results.addAll(new StepGraph<ViewSpec, StageResult>(spec.views(), v -> Set.of())
                        .run(Sessions.parallelSteps(requireSpark()), v -> views(spec, v, log)));
            }
        }
        return results;
    }

    private StageResult ingest(SourceSpec source, RunLog log) {
        long start = System.nanoTime();
        if (source.optional() && !raw.hasFiles(source.path(), source.files())) {
            String where = source.path() + source.files().map(f -> "/" + f).orElse("");
            log.warn("source " + source.name() + ": no file at " + where + "; it is optional, so the run goes on"
                    + " without it and the tables that need only it are skipped");
            StageResult missing = new StageResult("ingest", "raw." + source.name(), 0, 0, 0, 0, 0, 0,
                    (System.nanoTime() - start) / 1e9, Map.of(), "missing (optional): " + where);
            log.stage(missing);
            return missing;
        }
        IngestResult result = raw.ingest(source.name(), source.path(), source.files());
        log.input(source.path());
        long copied = result.batch().map(b -> (long) b.files().size()).orElse(0L);
        String note = result.batch()
                .map(b -> "batch " + b.batchId() + " (" + String.format("%,d", b.bytes()) + " bytes)")
                .orElse("already ingested, nothing copied");
        if (result.batch().isPresent() && !result.alreadyIngested().isEmpty()) {
            note += "; " + result.alreadyIngested().size() + " file(s) already ingested";
        }
        StageResult stage = new StageResult("ingest", "raw." + source.name(), copied + result.alreadyIngested().size(),
                copied, 0, result.alreadyIngested().size(), 0, 0, (System.nanoTime() - start) / 1e9, Map.of(), note);
        log.stage(stage);
        return stage;
    }

    private StageResult clean(PipelineSpec spec, SourceSpec source, RunLog log) {
        return new CleanJob(requireSpark(), lake, catalog, raw).only(batches).run(spec, source, log);
    }

    /** A view's first run builds its batch layer; later runs add what arrived to its speed layer. */
    private StageResult views(PipelineSpec spec, ViewSpec view, RunLog log) {
        // a session of its own (same context, a copy of the settings): views run side by side, and a view sets
        // the commit metadata of its serving MERGE in its session's settings
        SparkSession session = Sessions.sibling(requireSpark());
        session.sparkContext().setJobGroup("strata-views-" + view.name(), "views " + view.name(), false);
        ViewLayers.LayerResult r;
        try {
            ViewLayers layers = new ViewLayers(session, lake, catalog, spec);
            r = layers.watermark(view).isEmpty() ? layers.batch(view, java.util.Optional.empty()) : layers.speed(view);
        } finally {
            session.sparkContext().clearJobGroup();
        }
        StageResult stage = new StageResult("views", "views." + view.name(), r.historyRows(), r.servedRows(), 0, 0,
                0, 0, r.seconds(), Map.of(), r.layer() + " layer; watermark " + r.watermark().map(String::valueOf)
                .orElse("none") + ", serving covers to " + r.coveredTo().map(String::valueOf).orElse("nothing"));
        log.stage(stage);
        return stage;
    }

    /** The tables a source's clean step reads: those of its referential rules and of its derived columns. */
    private static Set<String> referencedTables(SourceSpec source) {
        Set<String> tables = new HashSet<>();
        for (Rule rule : source.clean().rules()) {
            if (rule.kind() == RuleKind.REFERENTIAL) {
                rule.table().ifPresent(tables::add);
            }
        }
        for (DerivedColumn d : source.derive()) {
            DerivedFunctions.references(d.expression()).forEach(r -> tables.add(r.table()));
        }
        return tables;
    }

    private SparkSession requireSpark() {
        return Objects.requireNonNull(spark, "this stage needs a Spark session");
    }
}
