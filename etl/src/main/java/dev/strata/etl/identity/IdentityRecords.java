package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.IdentitySpec.Field;
import dev.strata.etl.spec.IdentitySpec.RecordSource;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.transforms.identity.Standardisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The records identity resolution works on, from the clean tables an identity section names: one row per
 * source record with {@code record_id} (a 63-bit hash of source and key), {@code source},
 * {@code source_key}, {@code seen_at} and every standard field in its compared form (see
 * {@link Standardisation}; postcodes upper case without spaces, a US ZIP+4 cut to five digits and a ZIP
 * that lost its leading zero given it back; ids and text trimmed and lower case). A field a source does not
 * have is null. These rows hold PII and stay in the clean zone.
 */
public final class IdentityRecords {

    private final SparkSession spark;
    private final Lake lake;
    private final DeltaTables delta;
    private final Standardisation standard;

    public IdentityRecords(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.delta = new DeltaTables(spark);
        this.standard = new Standardisation(spark);
    }

    /** The clean table of a record source. */
    public String cleanTable(PipelineSpec pipeline, String source) {
        SourceSpec spec = pipeline.source(source).orElseThrow(() -> new UserError("identity: '" + source
                + "' is not a source of pipeline " + pipeline.name()));
        return spec.target().table();
    }

    /** Every record of every source, standardised; sources whose clean table does not exist yet are left out. */
    public Dataset<Row> build(PipelineSpec pipeline, IdentitySpec identity) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (RecordSource source : identity.records()) {
            String path = lake.cleanTable(cleanTable(pipeline, source.source()));
            if (delta.exists(path)) {
                tables.put(source.source(), delta.read(path));
            }
        }
        if (tables.isEmpty()) {
            throw new UserError("identity: none of the sources " + identity.records().stream()
                    .map(RecordSource::source).toList() + " has a clean table yet; run the clean stage first");
        }
        return fromTables(tables, identity);
    }

    /**
     * The standardised records of the given tables, one per record source (by source name; a source without
     * a table is left out). Columns may be typed or strings: dates are parsed from {@code yyyy-MM-dd} and
     * {@code seen_at} is cast to a timestamp.
     */
    public Dataset<Row> fromTables(Map<String, Dataset<Row>> tables, IdentitySpec identity) {
        List<Dataset<Row>> parts = new ArrayList<>();
        for (RecordSource source : identity.records()) {
            Dataset<Row> table = tables.get(source.source());
            if (table != null) {
                parts.add(select(table, source, identity));
            }
        }
        Dataset<Row> all = parts.stream().reduce(Dataset::unionByName)
                .orElseThrow(() -> new IllegalArgumentException("no table of any record source was given"));
        return standardise(all, identity);
    }

    /** A 63-bit id for a record of a source: the same source and key always give the same id. */
    public static Column recordId(Column source, Column key) {
        return xxhash64(source, key).bitwiseAND(lit(Long.MAX_VALUE));
    }

    private static Dataset<Row> select(Dataset<Row> table, RecordSource source, IdentitySpec identity) {
        List<Column> columns = new ArrayList<>();
        Column key = col(source.key()).cast("string");
        columns.add(recordId(lit(source.source()), key).as("record_id"));
        columns.add(lit(source.source()).as("source"));
        columns.add(key.as("source_key"));
        columns.add(col(source.seenAt()).cast("timestamp").as("seen_at"));
        for (Field field : identity.fields().values()) {
            DataType type = field.type() == IdentitySpec.FieldType.DATE ? DataTypes.DateType : DataTypes.StringType;
            String column = source.columns().get(field.name());
            Column value = column == null ? lit(null).cast(type)
                    : type == DataTypes.DateType ? dateOf(table, column) : col(column).cast("string");
            columns.add(value.as(field.name()));
        }
        return table.where(col(source.key()).isNotNull()).select(columns.toArray(Column[]::new));
    }

    private static Column dateOf(Dataset<Row> table, String column) {
        DataType type = table.schema().apply(column).dataType();
        return type.equals(DataTypes.StringType) ? to_date(trim(col(column))) : col(column).cast("date");
    }

    private Dataset<Row> standardise(Dataset<Row> records, IdentitySpec identity) {
        Dataset<Row> out = records;
        for (Field field : identity.fields().values()) {
            Column raw = col(field.name());
            out = switch (field.type()) {
                case GIVEN_NAME -> standard.formalGivenName(out, field.name(), field.name());
                case NAME -> out.withColumn(field.name(), standard.name(raw));
                case EMAIL -> out.withColumn(field.name(), standard.email(raw));
                case PHONE -> out.withColumn(field.name(), standard.phone(raw));
                case ADDRESS -> out.withColumn(field.name(), standard.address(raw));
                case POSTCODE -> out.withColumn(field.name(), postcode(raw));
                case DATE -> out;
                case ID, TEXT -> out.withColumn(field.name(), standard.identifier(raw));
            };
        }
        return out;
    }

    private Column postcode(Column raw) {
        if (standard.defaultRegion().equals("US")) {
            return standard.usZip(raw);
        }
        Column compact = upper(regexp_replace(trim(raw), "\\s+", ""));
        return when(length(compact).equalTo(0), lit(null).cast("string")).otherwise(compact);
    }
}
