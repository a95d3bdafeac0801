package dev.strata.catalog.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/**
 * The CREATE statement of one table for Athena, Redshift Spectrum or Redshift. Only names that the definition
 * declares (checked, quoted) and its S3 location (checked) go into the text.
 *
 * <ul>
 *   <li>Athena: a native Delta table, {@code CREATE EXTERNAL TABLE … LOCATION … TBLPROPERTIES ('table_type'='DELTA')};
 *       Athena reads the columns from the Delta log.</li>
 *   <li>Spectrum: a table over the Delta table's symlink manifests, with Hive types and partition columns apart.</li>
 *   <li>Redshift: {@code CREATE TABLE IF NOT EXISTS} with Redshift types, an informational primary key and the
 *       layout; for {@link WarehouseFlavor#POSTGRESQL} without the layout, SUPER as JSONB and VARBYTE as BYTEA.</li>
 * </ul>
 */
public final class TableDdl {

    /** The largest DECIMAL precision Redshift stores. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    private final TableDefinition table;

    public TableDdl(TableDefinition table) {
        this.table = Objects.requireNonNull(table, "table is null");
    }

    /** The CREATE statement for {@code dialect}; Redshift's is for a real Redshift server. */
    public String create(SqlDialect dialect) {
        Objects.requireNonNull(dialect, "dialect is null");
        return switch (dialect) {
            case ATHENA -> athena();
            case SPECTRUM -> spectrum();
            case REDSHIFT -> redshift(WarehouseFlavor.REDSHIFT);
        };
    }

    /** {@code CREATE EXTERNAL TABLE} of a native Delta table for Athena engine v3. */
    public String athena() {
        return "CREATE EXTERNAL TABLE " + new SqlName(table.schema()).backQuoted() + "."
                + new SqlName(table.name()).backQuoted() + "\n"
                + "LOCATION '" + location() + "'\n"
                + "TBLPROPERTIES ('table_type'='DELTA')";
    }

    /** {@code CREATE EXTERNAL TABLE} over the symlink manifests, for a Spectrum external schema. */
    public String spectrum() {
        List<String> dataColumns = new ArrayList<>();
        List<String> partitionColumns = new ArrayList<>();
        for (String column : table.partitionColumns()) {
            partitionColumns.add(new SqlName(column).quoted() + " " + hiveType(field(column).dataType()));
        }
        for (StructField field : table.columns().fields()) {
            String column = SqlName.of("column", field.name()).value();
            if (!table.partitionColumns().contains(column)) {
                dataColumns.add(new SqlName(column).quoted() + " " + hiveType(field.dataType()));
            }
        }
        if (dataColumns.isEmpty()) {
            throw new IllegalArgumentException("table " + qualifiedName() + " has only partition columns");
        }
        StringBuilder sql = new StringBuilder("CREATE EXTERNAL TABLE ").append(qualifiedQuoted()).append(" (\n  ")
                .append(String.join(",\n  ", dataColumns)).append("\n)\n");
        if (!partitionColumns.isEmpty()) {
            sql.append("PARTITIONED BY (").append(String.join(", ", partitionColumns)).append(")\n");
        }
        String folder = location();
        return sql.append("ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\n")
                .append("STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat'\n")
                .append("OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'\n")
                .append("LOCATION '").append(folder.endsWith("/") ? folder : folder + "/")
                .append("_symlink_format_manifest/'")
                .toString();
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for Redshift, or in the form PostgreSQL also accepts. */
    public String redshift(WarehouseFlavor flavor) {
        Objects.requireNonNull(flavor, "flavor is null");
        List<String> lines = new ArrayList<>();
        for (StructField field : table.columns().fields()) {
            String column = SqlName.of("column", field.name()).value();
            boolean notNull = !field.nullable() || table.primaryKey().contains(column);
            lines.add(new SqlName(column).quoted() + " " + columnType(column, flavor) + (notNull ? " NOT NULL" : ""));
        }
        if (!table.primaryKey().isEmpty()) {
            lines.add("PRIMARY KEY (" + quotedList(table.primaryKey()) + ")");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualifiedQuoted()).append(" (\n  ")
                .append(String.join(",\n  ", lines)).append("\n)");
        if (flavor == WarehouseFlavor.REDSHIFT) {
            RedshiftLayout layout = table.layout();
            sql.append("\nDISTSTYLE ").append(layout.distStyle());
            layout.distKey().ifPresent(key -> sql.append("\nDISTKEY (").append(new SqlName(key).quoted()).append(")"));
            if (layout.sortKeys().size() == 1) {
                sql.append("\nSORTKEY (").append(quotedList(layout.sortKeys())).append(")");
            } else if (layout.sortKeys().size() > 1) {
                sql.append("\nCOMPOUND SORTKEY (").append(quotedList(layout.sortKeys())).append(")");
            }
        }
        return sql.toString();
    }

    /** The Redshift (or PostgreSQL) type of one column of the table. */
    public String columnType(String column, WarehouseFlavor flavor) {
        Objects.requireNonNull(column, "column is null");
        Objects.requireNonNull(flavor, "flavor is null");
        StructField field = field(column);
        DataType type = field.dataType();
        if (type instanceof StringType) {
            return "VARCHAR(" + table.varcharLength(column) + ")";
        }
        if (type instanceof VarcharType varchar) {
            return "VARCHAR(" + table.varcharLengths().getOrDefault(column, varchar.length()) + ")";
        }
        if (type instanceof CharType charType) {
            return "CHAR(" + charType.length() + ")";
        }
        if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
            return flavor == WarehouseFlavor.REDSHIFT ? "SUPER" : "JSONB";
        }
        if (type instanceof BinaryType) {
            return flavor == WarehouseFlavor.REDSHIFT ? "VARBYTE" : "BYTEA";
        }
        if (type instanceof DecimalType decimal) {
            if (decimal.precision() > MAX_DECIMAL_PRECISION) {
                throw new IllegalArgumentException("column " + qualifiedName() + "." + column + " is " + decimal.sql()
                        + "; Redshift stores a DECIMAL precision of at most " + MAX_DECIMAL_PRECISION);
            }
            return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        if (type instanceof ByteType || type instanceof ShortType) {
            return "SMALLINT";
        }
        if (type instanceof IntegerType) {
            return "INTEGER";
        }
        if (type instanceof LongType) {
            return "BIGINT";
        }
        if (type instanceof FloatType) {
            return "REAL";
        }
        if (type instanceof DoubleType) {
            return "DOUBLE PRECISION";
        }
        if (type instanceof BooleanType) {
            return "BOOLEAN";
        }
        if (type instanceof DateType) {
            return "DATE";
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return "TIMESTAMP";
        }
        throw new IllegalArgumentException("column " + qualifiedName() + "." + column + " has type " + type.sql()
                + ", which Redshift loads have no type for");
    }

    /** Whether a column holds nested values (SUPER in Redshift, JSONB in PostgreSQL), bound as JSON text. */
    boolean isNested(String column) {
        DataType type = field(column).dataType();
        return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
    }

    /** Whether a column's values can be ordered in both flavors (not nested, not binary). */
    boolean isOrderable(String column) {
        return !isNested(column) && !(field(column).dataType() instanceof BinaryType);
    }

    /** The Hive type of a Spark type, as Spectrum and Glue write it. */
    static String hiveType(DataType type) {
        if (type instanceof StringType) {
            return "string";
        }
        if (type instanceof VarcharType varchar) {
            return "varchar(" + varchar.length() + ")";
        }
        if (type instanceof CharType charType) {
            return "char(" + charType.length() + ")";
        }
        if (type instanceof ByteType) {
            return "tinyint";
        }
        if (type instanceof ShortType) {
            return "smallint";
        }
        if (type instanceof IntegerType) {
            return "int";
        }
        if (type instanceof LongType) {
            return "bigint";
        }
        if (type instanceof FloatType) {
            return "float";
        }
        if (type instanceof DoubleType) {
            return "double";
        }
        if (type instanceof DecimalType decimal) {
            return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        if (type instanceof BooleanType) {
            return "boolean";
        }
        if (type instanceof DateType) {
            return "date";
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return "timestamp";
        }
        if (type instanceof BinaryType) {
            return "binary";
        }
        if (type instanceof ArrayType array) {
            return "array<" + hiveType(array.elementType()) + ">";
        }
        if (type instanceof MapType map) {
            return "map<" + hiveType(map.keyType()) + "," + hiveType(map.valueType()) + ">";
        }
        if (type instanceof StructType struct) {
            List<String> fields = new ArrayList<>();
            for (StructField field : struct.fields()) {
                fields.add(SqlName.of("struct field", field.name()).value() + ":" + hiveType(field.dataType()));
            }
            return "struct<" + String.join(",", fields) + ">";
        }
        throw new IllegalArgumentException("type " + type.sql() + " has no Hive type for Spectrum");
    }

    static String quotedList(List<String> names) {
        return names.stream().map(name -> new SqlName(name).quoted()).collect(Collectors.joining(", "));
    }

    private StructField field(String column) {
        return TableDefinition.field(table.columns(), column);
    }

    private String location() {
        return table.location().orElseThrow(() -> new IllegalArgumentException(
                "table " + qualifiedName() + " needs an S3 location for an external table"));
    }

    private String qualifiedName() {
        return table.schema() + "." + table.name();
    }

    private String qualifiedQuoted() {
        return new SqlName(table.schema()).quoted() + "." + new SqlName(table.name()).quoted();
    }
}
