package dev.strata.etl.curate;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.lake.WriteMetrics;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.dimension.SlowlyChangingDimension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        List<StageResult> results = new ArrayList<>();
        Timestamp asOf = Timestamp.from(log.started());
        for (CuratedStep step : pipeline.curated()) {
            long start = System.nanoTime();
            spark.sparkContext().setJobGroup("strata-curate-" + step.name(), "curate " + step.name(), false);
            try {
                Dataset<Row> result = compute(step);
                String path = lake.curatedTable(step.name());
                WriteMetrics metrics = switch (step.mode()) {
                    case MERGE -> delta.merge(result, path, step.mergeKeys(),
                            DeltaTables.anyDifferent(List.of(result.columns())), step.partitionBy());
                    case REPLACE -> delta.replace(result, path, step.partitionBy());
                    case REPLACE_PARTITIONS -> delta.replacePartitions(result, path, step.partitionBy());
                    case SCD2 -> scd2(step, result, path, asOf);
                };
                Instant now = Instant.now();
                TableEntry entry = new TableEntry(new TableName("curated", step.name()), path, "delta",
                        step.partitionBy(), Map.of("strata.pipeline", pipeline.name(),
                                "strata.mode", step.mode().specName()), now, now);
                catalog.register(entry);
                tables.bind(entry);
                long rows = metrics.operation().equals("MERGE") ? metrics.sourceRows() : metrics.rowsWritten();
                StageResult stage = new StageResult("curate", "curated." + step.name(), rows, rows, 0, 0,
                        metrics.inserted(), metrics.updated(), (System.nanoTime() - start) / 1e9, Map.of(),
                        step.mode().specName());
                log.stage(stage);
                results.add(stage);
            } finally {
                spark.sparkContext().clearJobGroup();
            }
        }
        return results;
    }

    private Dataset<Row> compute(CuratedStep step) {
        if (step.sql().isPresent()) {
            String text = SqlRoot.statement(sql.read(step.sql().get()));
            try {
                return spark.sql(text);
            } catch (Exception e) {
                if (e instanceof AnalysisException || e.getClass().getName().contains("ParseException")) {
                    throw new UserError("curated step " + step.name() + " (" + sql.describe() + step.sql().get()
                            + "): " + e.getMessage().split("\n")[0]);
                }
                throw e;
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
        Dataset<Row> next = dimension.changes(delta.read(path), incoming, asOf).localCheckpoint(true);
        return delta.replace(next, path, step.partitionBy());
    }

    private static List<String> trackedColumns(Dataset<Row> incoming, List<String> keys) {
        return List.of(incoming.columns()).stream().filter(c -> !keys.contains(c)).toList();
    }
}
