package dev.strata.etl.engine;

import static org.apache.spark.sql.functions.col;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
import dev.strata.etl.clean.CleanState;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.raw.BatchManifest;
import dev.strata.etl.raw.RawZone;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.RunStore;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.CuratedMode;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.transforms.clean.RecordColumns;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Rebuilds a pipeline's clean, quarantine and curated tables and its views from the raw zone, the immutable
 * record of what arrived: after a rule or a SQL file changed, to recover from a disaster, or to fix an anomaly
 * retroactively.
 *
 * <p>A replay takes the raw batches ingested since a time (or from a batch on; every later batch is replayed
 * with it, so a later version of a record still wins). It puts each table back as it was before the first of
 * them: the clean, quarantine and history tables to their last Delta version without any of those batches, the
 * curated tables to their last version committed before that, and it drops the views' layers. It then cleans
 * and curates the batches again <em>run by run</em>, each original run's batches together and at that run's
 * time (so a type 2 dimension's {@code valid_from} and every tie-break are what they were), and rebuilds the
 * views' batch layers. With nothing changed, the tables come out as they were; with a changed rule, rows move
 * between clean and quarantine, each replayed batch's ledger balanced.
 *
 * <p>Restores are new Delta commits, so the tables before the replay stay readable by version. A replay that
 * dies part way is run again: the batches it did not finish are still unmarked and are cleaned together.
 */
public final class Replay {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One original run's batches (by source), replayed together at that run's time. */
    public record Group(String runId, Instant at, Map<String, List<String>> batches) {
    }

    /**
     * What a replay does.
     *
     * @param rewinds each table to put back, by path, with the version it goes back to (-1: removed)
     * @param counts the clean and quarantine tables' row counts before the replay
     */
    public record Plan(String pipeline, Map<String, List<String>> batches, List<Group> groups,
            Map<String, Long> rewinds, Map<String, Long> counts) {

        public boolean isEmpty() {
            return groups.isEmpty();
        }

        /** What the replay will do, one line each. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            batches.forEach((source, ids) -> lines.add("source " + source + ": " + ids.size() + " raw batch(es) from "
                    + ids.get(0) + " to " + ids.get(ids.size() - 1)));
            lines.add(groups.size() + " original run(s) to replay in order: " + groups.stream().map(Group::runId)
                    .collect(Collectors.joining(", ")));
            rewinds.forEach((path, version) -> lines.add((version < 0 ? "remove " + path
                    : "restore " + path + " to version " + version)));
            return lines;
        }
    }

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final SqlRoot sqlRoot;
    private final RawZone raw;
    private final CleanState state;
    private final DeltaTables delta;

    public Replay(SparkSession spark, Lake lake, TableCatalog catalog, SqlRoot sqlRoot, Clock clock) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.sqlRoot = Objects.requireNonNull(sqlRoot, "sqlRoot is null");
        this.raw = new RawZone(lake, clock);
        this.state = new CleanState(lake);
        this.delta = new DeltaTables(spark);
    }

    /**
     * The batches to replay (ingested at or after {@code since}, or from {@code batch} on, or all) and what
     * to put back; nothing is changed.
     */
    public Plan plan(PipelineSpec spec, Optional<Instant> since, Optional<String> batch) {
        if (spec.identity().isPresent()) {
            throw new UserError("replay does not rebuild identity resolution (its stable ids and history would be"
                    + " reassigned); pipeline " + spec.name() + " has an identity section");
        }
        Map<String, List<BatchManifest>> all = new LinkedHashMap<>();
        spec.sources().forEach(s -> all.put(s.name(), raw.batches(s.name())));
        Instant from = since.orElse(Instant.EPOCH);
        if (batch.isPresent()) {
            from = all.values().stream().flatMap(List::stream).filter(b -> b.batchId().equals(batch.get()))
                    .map(Replay::ingested).findFirst().orElseThrow(() -> new UserError("--batch " + batch.get()
                            + ": no raw batch of pipeline " + spec.name() + " has that id; its latest: "
                            + all.values().stream().flatMap(List::stream).map(BatchManifest::batchId).sorted()
                            .reduce((a, b) -> b).orElse("none (nothing was ingested)")));
        }
        Instant start = from;
        Map<String, List<String>> selected = new LinkedHashMap<>();
        all.forEach((source, batches) -> {
            List<String> ids = batches.stream().filter(b -> !ingested(b).isBefore(start))
                    .map(BatchManifest::batchId).toList();
            if (!ids.isEmpty()) {
                selected.put(source, ids);
            }
        });
        Map<String, Long> counts = counts(spec);
        if (selected.isEmpty()) {
            return new Plan(spec.name(), selected, List.of(), Map.of(), counts);
        }
        Map<String, Long> rewinds = new LinkedHashMap<>();
        Instant cut = null;
        for (SourceSpec source : spec.sources()) {
            List<String> ids = selected.get(source.name());
            if (ids == null) {
                continue;
            }
            String clean = lake.cleanTable(source.target().table());
            for (String table : List.of(clean, lake.quarantineTable(source.target().table()),
                    lake.historyTable(source.target().table()))) {
                if (delta.exists(table)) {
                    long version = lastVersionWithout(table, ids);
                    rewinds.put(table, version);
                    if (table.equals(clean)) {
                        Optional<Instant> first = delta.commitTime(table, version + 1);
                        if (first.isPresent() && (cut == null || first.get().isBefore(cut))) {
                            cut = first.get();
                        }
                    }
                }
            }
        }
        for (CuratedStep step : spec.curated()) {
            String table = lake.curatedTable(step.name());
            if (step.mode() != CuratedMode.VIEW && delta.exists(table)) {
                rewinds.put(table, cut == null ? delta.version(table) : lastVersionBefore(table, cut));
            }
        }
        return new Plan(spec.name(), selected, groups(spec, selected), rewinds, counts);
    }

    /** Puts the tables back, forgets that the batches were cleaned, then cleans and curates them run by run. */
    public List<StageResult> run(PipelineSpec spec, Plan plan, RunLog log) {
        plan.rewinds().forEach((table, version) -> {
            delta.restore(table, version);
            if (version < 0) {
                // <lake>/<zone>/<table>: the catalog forgets it until the stage that makes it again registers it
                catalog.drop(TableName.parse(table.substring(lake.root().length() + 1).replace('/', '.')));
            }
            log.info("replay: " + (version < 0 ? "removed " + table : "restored " + table + " to version " + version));
        });
        if (!spec.views().isEmpty()) {
            lake.deleteRecursively(lake.root() + "/views/" + spec.name());
            spec.views().forEach(v -> catalog.drop(new TableName("views", v.name())));
        }
        plan.batches().forEach((source, ids) -> ids.forEach(id -> state.unmark(spec.name(), source, id)));
        List<StageResult> results = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<Pipelines.Stage> stages = spec.curated().isEmpty() ? List.of(Pipelines.Stage.CLEAN)
                : List.of(Pipelines.Stage.CLEAN, Pipelines.Stage.CURATE);
        for (Group group : plan.groups()) {
            log.info("replay: the batches of run " + group.runId() + " (" + group.at() + ")");
            // the original run's id and time: its batches are marked as cleaned by it, its curated rows dated by it
            RunLog original = new RunLog(group.runId(), "replay", spec.name(), spec.origin(), lake.root(),
                    Clock.fixed(group.at(), ZoneOffset.UTC), quiet);
            Set<String> ids = group.batches().values().stream().flatMap(List::stream).collect(Collectors.toSet());
            for (StageResult r : new Pipelines(spark, lake, catalog, sqlRoot, Clock.fixed(group.at(), ZoneOffset.UTC))
                    .onlyBatches(ids::contains).run(spec, stages, original)) {
                log.stage(r);
                results.add(r);
            }
            original.warnings().forEach(log::warn);
        }
        results.addAll(new Pipelines(spark, lake, catalog, sqlRoot, Clock.systemUTC())
                .run(spec, List.of(Pipelines.Stage.VIEWS), log));
        Map<String, Long> after = counts(spec);
        for (SourceSpec source : spec.sources()) {
            String table = source.target().table();
            Long cleanBefore = plan.counts().get("clean." + table);
            Long quarantineBefore = plan.counts().get("quarantine." + table);
            if (cleanBefore == null && !plan.batches().containsKey(source.name())) {
                continue;
            }
            long cb = cleanBefore == null ? 0 : cleanBefore;
            long qb = quarantineBefore == null ? 0 : quarantineBefore;
            long ca = after.getOrDefault("clean." + table, 0L);
            long qa = after.getOrDefault("quarantine." + table, 0L);
            long moved = qa - qb;
            String note = "clean " + String.format(Locale.ROOT, "%,d", cb) + " -> " + String.format(Locale.ROOT, "%,d", ca)
                    + ", quarantine " + String.format(Locale.ROOT, "%,d", qb) + " -> "
                    + String.format(Locale.ROOT, "%,d", qa) + ": " + (moved == 0 ? "no row moved"
                            : String.format(Locale.ROOT, "%,d", Math.abs(moved)) + " row(s) moved from "
                                    + (moved > 0 ? "clean to quarantine" : "quarantine to clean"));
            StageResult summary = new StageResult("replay", "clean." + table, cb, ca, qa, 0, 0, 0, 0, Map.of(), note);
            log.stage(summary);
            results.add(summary);
        }
        return results;
    }

    /** The clean and quarantine tables' row counts, by zone.table. */
    private Map<String, Long> counts(PipelineSpec spec) {
        Map<String, Long> counts = new TreeMap<>();
        for (SourceSpec source : spec.sources()) {
            String table = source.target().table();
            for (String zone : List.of("clean", "quarantine")) {
                String path = zone.equals("clean") ? lake.cleanTable(table) : lake.quarantineTable(table);
                if (delta.exists(path)) {
                    counts.put(zone + "." + table, delta.read(path).count());
                }
            }
        }
        return counts;
    }

    /** The selected batches grouped by the run that cleaned them, in run order; never-cleaned ones last. */
    private List<Group> groups(PipelineSpec spec, Map<String, List<String>> selected) {
        Map<String, Map<String, List<String>>> byRun = new TreeMap<>();
        String pending = "~pending";
        selected.forEach((source, ids) -> {
            Map<String, String> cleanedBy = state.cleanedBy(spec.name(), source);
            for (String id : ids) {
                String run = cleanedBy.getOrDefault(id, "");
                byRun.computeIfAbsent(run.isEmpty() ? pending : run, r -> new LinkedHashMap<>())
                        .computeIfAbsent(source, s -> new ArrayList<>()).add(id);
            }
        });
        // each run's start as its record says (a type 2 dimension's versions are dated by it)
        Map<String, String> started = new java.util.HashMap<>();
        new RunStore(lake).list().forEach(r -> started.put(r.runId(), r.startedAt()));
        List<Group> groups = new ArrayList<>();
        byRun.forEach((run, batches) -> {
            Instant at = Instant.now();
            String runId = run;
            if (run.equals(pending)) {
                runId = "replay-" + RUN_TIME.format(at);
            } else {
                try {
                    at = started.containsKey(run) ? Instant.parse(started.get(run))
                            : Instant.from(RUN_TIME.parse(run.substring(0, Math.min(run.length(), 16))));
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    at = Instant.now(); // neither a record nor a time in its id: replayed now
                }
            }
            groups.add(new Group(runId, at, batches));
        });
        return groups;
    }

    /** The last version of the table that holds no row of {@code batches} (-1: every version holds some). */
    private long lastVersionWithout(String table, List<String> batches) {
        // the batches come in order and later ones are replayed with them, so once a version holds one of
        // them every later version does: a binary search over the versions
        long low = -1;
        long high = delta.version(table);
        if (!holdsAny(table, high, batches)) {
            return high;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (holdsAny(table, mid, batches)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    private boolean holdsAny(String table, long version, List<String> batches) {
        return !delta.readVersion(table, version).where(col(RecordColumns.BATCH_ID).isin(batches.toArray()))
                .limit(1).isEmpty();
    }

    /** The last version committed before {@code cut} (-1: none was). */
    private long lastVersionBefore(String table, Instant cut) {
        for (long v = delta.version(table); v >= 0; v--) {
            Optional<Instant> at = delta.commitTime(table, v);
            if (at.isPresent() && at.get().isBefore(cut)) {
                return v;
            }
        }
        return -1;
    }

    private static Instant ingested(BatchManifest batch) {
        try {
            return Instant.parse(batch.ingestedAt());
        } catch (DateTimeParseException e) {
            throw new UserError("raw batch " + batch.batchId() + " of " + batch.source() + " has an ingest time that"
                    + " is not an instant: '" + batch.ingestedAt() + "'");
        }
    }
}
