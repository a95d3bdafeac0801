package dev.strata.catalog.warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the DDL of one warehouse table is made from. Names are folded to lower case and checked; every column that
 * the partition columns, primary key, layout and VARCHAR lengths name must be one of {@code columns}.
 *
 * @param schema         the Redshift schema, or the Glue database for Athena and Spectrum
 * @param name           the table
 * @param columns        the columns in the order of the data files (the order COPY loads them by)
 * @param partitionColumns partition columns: separate in Spectrum DDL, ordinary columns in Redshift
 * @param primaryKey     the key columns (Redshift: an informational PRIMARY KEY; the MERGE key of a load)
 * @param layout         Redshift distribution and sort keys
 * @param varcharLengths VARCHAR length in bytes per string column (1 to 65535); others get {@value #DEFAULT_VARCHAR_LENGTH}
 * @param location       the table's folder, {@code s3://…} ({@code s3a://} and {@code s3n://} are written s3://)
 */
public record TableDefinition(
        String schema,
        String name,
        StructType columns,
        List<String> partitionColumns,
        List<String> primaryKey,
        RedshiftLayout layout,
        Map<String, Integer> varcharLengths,
        Optional<String> location) {

    public static final int DEFAULT_VARCHAR_LENGTH = 256;
    public static final int MAX_VARCHAR_LENGTH = 65535;

    public TableDefinition {
        schema = SqlName.of("schema", schema).value();
        name = SqlName.of("table", name).value();
        Objects.requireNonNull(columns, "columns is null");
        Objects.requireNonNull(partitionColumns, "partitionColumns is null");
        Objects.requireNonNull(primaryKey, "primaryKey is null");
        Objects.requireNonNull(layout, "layout is null");
        Objects.requireNonNull(varcharLengths, "varcharLengths is null");
        Objects.requireNonNull(location, "location is null");
        if (columns.fields().length == 0) {
            throw new IllegalArgumentException("table " + schema + "." + name + " has no columns");
        }
        Set<String> names = new HashSet<>();
        for (StructField field : columns.fields()) {
            String column = SqlName.of("column of " + schema + "." + name, field.name()).value();
            if (!names.add(column)) {
                throw new IllegalArgumentException("table " + schema + "." + name + " has column " + column
                        + " twice (names are compared in lower case)");
            }
        }
        String where = schema + "." + name;
        partitionColumns = knownColumns("partition column", partitionColumns, names, where);
        primaryKey = knownColumns("key column", primaryKey, names, where);
        knownColumns("dist key", layout.distKey().stream().toList(), names, where);
        knownColumns("sort key", layout.sortKeys(), names, where);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : varcharLengths.entrySet()) {
            String column = knownColumns("VARCHAR length column", List.of(entry.getKey()), names, where).get(0);
            int length = Objects.requireNonNull(entry.getValue(), "VARCHAR length of " + column + " is null");
            if (length < 1 || length > MAX_VARCHAR_LENGTH) {
                throw new IllegalArgumentException("VARCHAR length of " + where + "." + column + " must be 1 to "
                        + MAX_VARCHAR_LENGTH + ", cannot be: " + length);
            }
            if (!(field(columns, column).dataType() instanceof StringType)) {
                throw new IllegalArgumentException("VARCHAR length given for " + where + "." + column
                        + ", which is not a string column");
            }
            lengths.put(column, length);
        }
        varcharLengths = Map.copyOf(lengths);
        location = location.map(TableDefinition::s3Location);
    }

    /** A builder for {@code schema.name} with {@code columns}; everything else starts empty, the layout AUTO. */
    public static Builder builder(String schema, String name, StructType columns) {
        return new Builder(schema, name, columns);
    }

    /** The column names in order, folded to lower case. */
    public List<String> columnNames() {
        List<String> result = new ArrayList<>();
        for (StructField field : columns.fields()) {
            result.add(field.name().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(result);
    }

    /** The VARCHAR length of a string column: the one given, or {@value #DEFAULT_VARCHAR_LENGTH}. */
    public int varcharLength(String column) {
        return varcharLengths.getOrDefault(column.toLowerCase(Locale.ROOT), DEFAULT_VARCHAR_LENGTH);
    }

    /** The field of column {@code column} (any case). */
    static StructField field(StructType columns, String column) {
        for (StructField field : columns.fields()) {
            if (field.name().equalsIgnoreCase(column)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    private static List<String> knownColumns(String what, List<String> given, Set<String> names, String where) {
        List<String> result = new ArrayList<>();
        for (String raw : given) {
            String column = SqlName.of(what, raw).value();
            if (!names.contains(column)) {
                throw new IllegalArgumentException(what + " " + raw + " is not a column of " + where);
            }
            if (result.contains(column)) {
                throw new IllegalArgumentException(what + " " + raw + " is named twice for " + where);
            }
            result.add(column);
        }
        return List.copyOf(result);
    }

    /** Checks an S3 folder or object URL and writes it with the s3:// scheme that Athena and Redshift read. */
    static String s3Location(String url) {
        Objects.requireNonNull(url, "url is null");
        String rest;
        if (url.startsWith("s3://")) {
            rest = url.substring(5);
        } else if (url.startsWith("s3a://") || url.startsWith("s3n://")) {
            rest = url.substring(6);
        } else {
            throw new IllegalArgumentException("an S3 location starts with s3://, cannot be: '" + url + "'");
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("an S3 location needs a valid bucket name, cannot be: '" + url + "'");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\'' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("an S3 location must not hold quotes, backslashes or white space,"
                        + " cannot be: '" + url + "'");
            }
        }
        return "s3://" + rest;
    }

    /** Builds a {@link TableDefinition}; every setter checks its argument, {@link #build()} checks the whole. */
    public static final class Builder {
        private final String schema;
        private final String name;
        private final StructType columns;
        private List<String> partitionColumns = List.of();
        private List<String> primaryKey = List.of();
        private RedshiftLayout layout = RedshiftLayout.auto();
        private final Map<String, Integer> varcharLengths = new LinkedHashMap<>();
        private Optional<String> location = Optional.empty();

        private Builder(String schema, String name, StructType columns) {
            this.schema = Objects.requireNonNull(schema, "schema is null");
            this.name = Objects.requireNonNull(name, "name is null");
            this.columns = Objects.requireNonNull(columns, "columns is null");
        }

        public Builder partitionColumns(List<String> partitionColumns) {
            this.partitionColumns = List.copyOf(Objects.requireNonNull(partitionColumns, "partitionColumns is null"));
            return this;
        }

        public Builder primaryKey(List<String> primaryKey) {
            this.primaryKey = List.copyOf(Objects.requireNonNull(primaryKey, "primaryKey is null"));
            return this;
        }

        public Builder layout(RedshiftLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout is null");
            return this;
        }

        public Builder varcharLength(String column, int length) {
            varcharLengths.put(Objects.requireNonNull(column, "column is null"), length);
            return this;
        }

        public Builder varcharLengths(Map<String, Integer> lengths) {
            Objects.requireNonNull(lengths, "lengths is null").forEach(this::varcharLength);
            return this;
        }

        public Builder location(String location) {
            this.location = Optional.of(Objects.requireNonNull(location, "location is null"));
            return this;
        }

        public TableDefinition build() {
            return new TableDefinition(schema, name, columns, partitionColumns, primaryKey, layout, varcharLengths,
                    location);
        }
    }
}
