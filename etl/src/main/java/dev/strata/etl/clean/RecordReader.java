package dev.strata.etl.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.strata.etl.DataQualityFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.raw.BatchManifest;
import dev.strata.etl.raw.IngestedFile;
import dev.strata.etl.spec.SchemaDrift;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.RecordColumns;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads raw batches into records: one string column per declared field plus the metadata that
 * locates each record (batch, file, line, raw text) and any parse error. Text formats are parsed one
 * file per task so that line numbers and raw text are exact.
 */
public final class RecordReader {

    private final SparkSession spark;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> info = new ArrayList<>();
    private final List<String> filled = new ArrayList<>();

    public RecordReader(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    public Dataset<Row> read(SourceSpec source, List<BatchManifest> batches) {
        Objects.requireNonNull(source, "source is null");
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("no batches to read");
        }
        return switch (source.format()) {
            case CSV -> text(source, batches, inParts(source, csvTasks(source, batches), !source.csv().multiline()),
                    new CsvRecordParser(source.csv(), hadoop()));
            // one JSON object a line
            case JSONL -> text(source, batches, inParts(source, keyedTasks(source, batches), true),
                    new JsonLinesRecordParser(source.clean().fields(), source.csv().encoding(), hadoop()));
            case PARQUET -> parquet(source, batches);
        };
    }

    private Dataset<Row> text(SourceSpec source, List<BatchManifest> batches, List<FileTask> tasks,
            org.apache.spark.api.java.function.FlatMapFunction<FileTask, Row> parser) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = context.parallelize(tasks, Math.max(1, tasks.size())).flatMap(parser);
        return spark.createDataFrame(rows, RecordLayout.schema(source.clean().fields()));
    }

    /** The session's Hadoop configuration, with which every raw file is read. */
    private Configuration hadoop() {
        return spark.sparkContext().hadoopConfiguration();
    }

    /**
     * The tasks of a source's files: each file whole, or, for files of one-line records above the part size
     * ({@link #PART_BYTES}, or {@link #PART_BYTES_CONF}) that are not compressed and whose encoding has one-byte
     * line feeds, its parts, found by the executors in one Spark job for all of them ({@link LineCuts}).
     */
    private List<FileTask> inParts(SourceSpec source, List<LineCuts.Sized> files, boolean oneLineRecords) {
        if (!oneLineRecords || !LineCuts.cutsAtLineFeeds(source.csv().encoding())) {
            return files.stream().map(LineCuts.Sized::whole).toList();
        }
        long partBytes = partBytes();
        List<FileTask> tasks = new ArrayList<>();
        List<LineCuts.Sized> large = new ArrayList<>();
        for (LineCuts.Sized file : files) {
            if (file.bytes() > partBytes && !TextInput.compressed(hadoop(), file.whole().path())) {
                large.add(file);
            } else {
                tasks.add(file.whole());
            }
        }
        tasks.addAll(LineCuts.parts(JavaSparkContext.fromSparkContext(spark.sparkContext()), hadoop(), large,
                partBytes));
        return tasks;
    }

    private List<LineCuts.Sized> csvTasks(SourceSpec source, List<BatchManifest> batches) {
        CsvRecordParser parser = new CsvRecordParser(source.csv(), hadoop());
        List<Field> fields = source.clean().fields();
        List<LineCuts.Sized> tasks = new ArrayList<>();
        for (BatchManifest batch : batches) {
            for (IngestedFile file : batch.files()) {
                String path = batch.location() + "/" + file.name();
                FileTask task;
                if (source.csv().header()) {
                    CsvRecordParser.Head head;
                    try {
                        head = parser.head(path);
                    } catch (UncheckedIOException e) {
                        throw new UserError("cannot read raw file " + path + ": " + e.getCause().getMessage());
                    }
                    if (!head.records()) {
                        warn("source " + source.name() + ": " + file.origin() + " (batch " + batch.batchId()
                                + ") " + (head.names().length == 0 ? "is empty" : "has a header and no record")
                                + ": 0 records");
                        continue;
                    }
                    task = headed(source, batch, file, path, head.names());
                } else {
                    task = new FileTask(path, batch.batchId(), millis(batch),
                            SourceColumns.declaredOrder(fields.size()), fields.size());
                }
                tasks.add(new LineCuts.Sized(task, file.bytes()));
            }
        }
        return tasks;
    }

    /**
     * The task of a file with a header, its columns matched to the declared fields under the source's drift
     * policy: a missing column fails the run, quarantines the file or is read as null; undeclared columns are
     * ignored or kept in the rescued field.
     */
    private FileTask headed(SourceSpec source, BatchManifest batch, IngestedFile file, String path, String[] header) {
        List<Field> fields = source.clean().fields();
        SourceColumns.Match match = SourceColumns.match(fields, header, source::rescues);
        FileTask task = new FileTask(path, batch.batchId(), millis(batch), match.positions(), header.length);
        String where = file.origin() + " (batch " + batch.batchId() + ")";
        if (!match.missing().isEmpty()) {
            String lacks = "the header of " + where + " lacks " + SourceColumns.describe(match.missing())
                    + SourceColumns.delimiterHint(header, source.csv().delimiter());
            SchemaDrift.Missing policy = source.drift().missing();
            List<Field> notNullable = match.missing().stream().filter(f -> !f.nullable()).toList();
            if (policy == SchemaDrift.Missing.FAIL) {
                throw new DataQualityFailure("source " + source.name() + ": " + lacks
                        + " (schema_drift: missing_column: fail)");
            }
            if (policy == SchemaDrift.Missing.FILL_NULL && notNullable.isEmpty()) {
                warn("source " + source.name() + ": " + lacks + "; its records read them as null"
                        + " (schema_drift: missing_column: fill_null)");
                filled.add(path);
            } else {
                String reason = lacks + (policy == SchemaDrift.Missing.FILL_NULL
                        ? "; fill_null applies to nullable fields only, and " + SourceColumns.describe(notNullable)
                                + (notNullable.size() == 1 ? " is" : " are") + " not nullable"
                        : "");
                warn("source " + source.name() + ": " + reason + "; every record of the file is quarantined"
                        + " (schema_drift: missing_column: " + policy.specName() + ")");
                task = task.drifted(reason);
            }
        }
        if (!match.extras().isEmpty()) {
            List<String> names = match.extras().stream().map(i -> header[i]).toList();
            if (source.drift().extra() == SchemaDrift.Extra.RESCUE) {
                task = task.rescuing(match.extras().stream().mapToInt(Integer::intValue).toArray(),
                        names.toArray(String[]::new));
                info.add("source " + source.name() + ": " + where + " has undeclared column(s) " + String.join(", ", names)
                        + ", kept in " + SchemaDrift.RESCUED);
            } else {
                info.add("source " + source.name() + ": " + where + " has undeclared column(s) "
                        + String.join(", ", names) + ", not read (schema_drift: extra_column: ignore)");
            }
        }
        return task;
    }

    private void warn(String message) {
        warnings.add(message);
    }

    /** What the last read found worth a warning (empty files, files whose columns drifted), in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** What the last read found worth saying that is not a problem (undeclared columns ignored or rescued). */
    public List<String> notes() {
        return List.copyOf(info);
    }

    /** The files whose missing columns were read as null (fill_null). */
    public List<String> filledFiles() {
        return List.copyOf(filled);
    }

    /** Files of one-line records above this size are parsed in parts of about this size, side by side. */
    static final long PART_BYTES = 64L << 20;

    /** The setting that changes {@link #PART_BYTES}: bytes, or with a unit (64m, 512k). */
    public static final String PART_BYTES_CONF = "spark.strata.clean.partBytes";

    /** The part size of this session: {@link #PART_BYTES_CONF} when set, else {@link #PART_BYTES}. */
    private long partBytes() {
        String value = spark.conf().get(PART_BYTES_CONF, "");
        if (value.isBlank()) {
            return PART_BYTES;
        }
        long bytes;
        try {
            bytes = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(value.trim());
        } catch (RuntimeException e) {
            bytes = -1;
        }
        if (bytes < 1024) {
            throw new UserError(PART_BYTES_CONF + " must be a size of at least 1k (e.g. 64m), not '" + value + "'");
        }
        return bytes;
    }

    private static List<LineCuts.Sized> keyedTasks(SourceSpec source, List<BatchManifest> batches) {
        List<LineCuts.Sized> tasks = new ArrayList<>();
        int count = source.clean().fields().size();
        for (BatchManifest batch : batches) {
            for (IngestedFile file : batch.files()) {
                tasks.add(new LineCuts.Sized(new FileTask(batch.location() + "/" + file.name(), batch.batchId(),
                        millis(batch), SourceColumns.declaredOrder(count), count), file.bytes()));
            }
        }
        return tasks;
    }

    private static long millis(BatchManifest batch) {
        return Instant.parse(batch.ingestedAt()).toEpochMilli();
    }

    private Dataset<Row> parquet(SourceSpec source, List<BatchManifest> batches) {
        Dataset<Row> all = null;
        for (BatchManifest batch : batches) {
            List<String> paths = batch.files().stream().map(f -> batch.location() + "/" + f.name()).toList();
            Dataset<Row> data = spark.read().parquet(paths.toArray(String[]::new));
            Map<String, String> present = new HashMap<>();
            for (String column : data.columns()) {
                present.put(SourceColumns.canonical(column), column);
            }
            List<Field> missing = source.clean().fields().stream()
                    .filter(f -> !present.containsKey(SourceColumns.canonical(f.source()))).toList();
            String drift = null;
            if (!missing.isEmpty()) {
                String lacks = "the parquet files of batch " + batch.batchId() + " lack "
                        + SourceColumns.describe(missing);
                SchemaDrift.Missing policy = source.drift().missing();
                boolean fill = policy == SchemaDrift.Missing.FILL_NULL && missing.stream().allMatch(Field::nullable);
                if (policy == SchemaDrift.Missing.FAIL) {
                    throw new DataQualityFailure("source " + source.name() + ": " + lacks
                            + " (schema_drift: missing_column: fail)");
                } else if (fill) {
                    warn("source " + source.name() + ": " + lacks + "; its records read them as null"
                            + " (schema_drift: missing_column: fill_null)");
                } else {
                    drift = lacks + (policy == SchemaDrift.Missing.FILL_NULL
                            ? "; fill_null applies to nullable fields only" : "");
                    warn("source " + source.name() + ": " + drift + "; every record of the batch is quarantined"
                            + " (schema_drift: missing_column: " + policy.specName() + ")");
                }
            }
            List<Column> columns = new ArrayList<>();
            columns.add(lit(batch.batchId()).as(RecordColumns.BATCH_ID));
            columns.add(input_file_name().as(RecordColumns.SOURCE_FILE));
            columns.add(lit(null).cast("long").as(RecordColumns.LINE_NUMBER));
            columns.add(to_json(struct(col("*"))).as(RecordColumns.RAW_TEXT));
            columns.add((drift == null ? lit(null) : lit("schema_drift")).cast("string").as(RecordColumns.PARSE_RULE));
            columns.add((drift == null ? lit(null) : lit(drift)).cast("string").as(RecordColumns.PARSE_ERROR));
            columns.add(lit(new Timestamp(millis(batch))).as(RecordColumns.INGESTED_AT));
            for (Field field : source.clean().fields()) {
                String actual = present.get(SourceColumns.canonical(field.source()));
                columns.add((actual == null || drift != null ? lit(null) : col("`" + actual + "`")).cast("string")
                        .as(field.name()));
            }
            Dataset<Row> shaped = data.select(columns.toArray(Column[]::new));
            all = all == null ? shaped : all.unionByName(shaped);
        }
        return all;
    }
}
