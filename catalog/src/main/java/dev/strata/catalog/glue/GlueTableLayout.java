package dev.strata.catalog.glue;

import dev.strata.catalog.TableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.StructField;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/** What the Delta table and its Spectrum twin share: columns, Parquet SerDe, S3 locations. */
final class GlueTableLayout {

    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String SYMLINK_INPUT = "org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat";
    static final String IGNORE_KEY_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    static final String MANIFEST_FOLDER = "_symlink_format_manifest";

    /** Glue keeps column comments of up to 255 characters. */
    static final int MAX_COMMENT = 255;

    private GlueTableLayout() {
    }

    /** The location as Athena and Spectrum read it: {@code s3a://} and {@code s3n://} become {@code s3://}. */
    static String s3Location(String location) {
        Objects.requireNonNull(location, "location is null");
        for (String scheme : List.of("s3a://", "s3n://")) {
            if (location.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return "s3://" + location.substring(scheme.length());
            }
        }
        return location;
    }

    /** {@code <table location>/_symlink_format_manifest/}, in s3:// form. */
    static String manifestRoot(String location) {
        String base = s3Location(location);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/" + MANIFEST_FOLDER + "/";
    }

    /** The columns that are not partition columns, in schema order. */
    static List<Column> dataColumns(TableEntry entry) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : entry.schema().fields()) {
            if (!entry.partitionColumns().contains(field.name())) {
                columns.add(column(entry, field));
            }
        }
        return List.copyOf(columns);
    }

    /** The partition columns in partition order; typed string when the schema is not known. */
    static List<Column> partitionKeys(TableEntry entry) {
        List<Column> keys = new ArrayList<>();
        for (String name : entry.partitionColumns()) {
            StructField field = entry.schema().isEmpty() ? null
                    : entry.schema().fields()[entry.schema().fieldIndex(name)];
            keys.add(field == null ? Column.builder().name(name).type("string").build() : column(entry, field));
        }
        return List.copyOf(keys);
    }

    static SerDeInfo parquetSerDe() {
        return SerDeInfo.builder().serializationLibrary(PARQUET_SERDE)
                .parameters(Map.of("serialization.format", "1")).build();
    }

    /** The parts of a storage descriptor Strata writes, to tell whether two descriptors differ. */
    static Storage storage(StorageDescriptor descriptor) {
        if (descriptor == null) {
            return new Storage("", List.of(), "", "", "", Map.of());
        }
        SerDeInfo serDe = descriptor.serdeInfo();
        return new Storage(text(descriptor.location()), columns(descriptor.columns()), text(descriptor.inputFormat()),
                text(descriptor.outputFormat()), serDe == null ? "" : text(serDe.serializationLibrary()),
                serDe == null || serDe.parameters() == null ? Map.of() : Map.copyOf(serDe.parameters()));
    }

    static List<ColumnShape> columns(List<Column> columns) {
        if (columns == null) {
            return List.of();
        }
        return columns.stream().map(c -> new ColumnShape(text(c.name()), text(c.type()), text(c.comment()))).toList();
    }

    private static Column column(TableEntry entry, StructField field) {
        String type;
        try {
            type = HiveTypes.hiveType(field.dataType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + field.name() + " of " + entry.name() + ": " + e.getMessage(), e);
        }
        Column.Builder column = Column.builder().name(field.name()).type(type);
        if (field.getComment().isDefined()) {
            String comment = field.getComment().get();
            column.comment(comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT));
        }
        return column.build();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A column as Glue holds it. */
    record ColumnShape(String name, String type, String comment) {
    }

    /** A storage descriptor as far as Strata writes it. */
    record Storage(String location, List<ColumnShape> columns, String inputFormat, String outputFormat,
            String serDe, Map<String, String> serDeParameters) {
    }
}
