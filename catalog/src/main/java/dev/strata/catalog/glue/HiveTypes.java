package dev.strata.catalog.glue;

import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
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
 * Column types as Glue, Athena and Redshift Spectrum write them (Hive type strings such as
 * {@code bigint}, {@code decimal(12,2)} or {@code struct<id:int,tags:array<string>>}), and back.
 *
 * <p>Hive has one timestamp type, so Spark's {@code timestamp_ntz} is written {@code timestamp} and
 * always reads back as Spark's {@code timestamp}. Nullability is not kept: every type read back is
 * nullable.
 */
public final class HiveTypes {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private HiveTypes() {
    }

    /** The Hive type string of a Spark type; IllegalArgumentException for types Hive cannot declare. */
    public static String hiveType(DataType type) {
        Objects.requireNonNull(type, "type is null");
        if (type instanceof StringType) {
            return "string";
        }
        if (type instanceof CharType c) {
            return "char(" + c.length() + ")";
        }
        if (type instanceof VarcharType v) {
            return "varchar(" + v.length() + ")";
        }
        if (type instanceof BooleanType) {
            return "boolean";
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
        if (type instanceof DecimalType d) {
            return "decimal(" + d.precision() + "," + d.scale() + ")";
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
        if (type instanceof ArrayType a) {
            return "array<" + hiveType(a.elementType()) + ">";
        }
        if (type instanceof MapType m) {
            return "map<" + hiveType(m.keyType()) + "," + hiveType(m.valueType()) + ">";
        }
        if (type instanceof StructType s) {
            StringJoiner fields = new StringJoiner(",", "struct<", ">");
            for (StructField field : s.fields()) {
                fields.add(fieldName(field.name()) + ":" + hiveType(field.dataType()));
            }
            return fields.toString();
        }
        throw new IllegalArgumentException("Spark type " + type.simpleString()
                + " has no Glue column type; cast the column to a supported type");
    }

    /** The Spark type of a Hive type string as Glue returns it (any letter case). */
    public static DataType sparkType(String hiveType) {
        Objects.requireNonNull(hiveType, "hiveType is null");
        if (hiveType.isBlank()) {
            throw new IllegalArgumentException("a Glue column type cannot be blank");
        }
        try {
            return nullable(CatalystSqlParser$.MODULE$.parseDataType(hiveType.trim()));
        } catch (Exception e) { // the parser throws its checked ParseException undeclared
            throw new IllegalArgumentException("Glue column type '" + hiveType + "' is not a type Spark can read: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static DataType nullable(DataType type) {
        if (type instanceof TimestampNTZType) {
            return DataTypes.TimestampType; // whatever spark.sql.timestampType the current session sets
        }
        if (type instanceof ArrayType a) {
            return DataTypes.createArrayType(nullable(a.elementType()), true);
        }
        if (type instanceof MapType m) {
            return DataTypes.createMapType(nullable(m.keyType()), nullable(m.valueType()), true);
        }
        if (type instanceof StructType s) {
            StructField[] fields = new StructField[s.fields().length];
            for (int i = 0; i < fields.length; i++) {
                StructField f = s.fields()[i];
                fields[i] = new StructField(f.name(), nullable(f.dataType()), true, f.metadata());
            }
            return new StructType(fields);
        }
        return type;
    }

    private static String fieldName(String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
