package dev.strata.transforms.clean;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** A declared column type, as written in a pipeline spec ({@code long}, {@code decimal(10,2)}, ...). */
public record FieldType(Kind kind, int precision, int scale) {

    public enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN, DATE, TIMESTAMP, DECIMAL }

    private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    public FieldType {
        Objects.requireNonNull(kind, "kind is null");
        if (kind == Kind.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("decimal precision must be 1..38 and scale 0..precision, cannot be: ("
                    + precision + "," + scale + ")");
        }
    }

    public static FieldType of(Kind kind) {
        return new FieldType(kind, 0, 0);
    }

    /** Parses a type name; throws IllegalArgumentException naming the accepted names. */
    public static FieldType parse(String text) {
        Objects.requireNonNull(text, "text is null");
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            return new FieldType(Kind.DECIMAL, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return switch (t) {
            case "string" -> of(Kind.STRING);
            case "int", "integer" -> of(Kind.INT);
            case "long", "bigint" -> of(Kind.LONG);
            case "double" -> of(Kind.DOUBLE);
            case "boolean" -> of(Kind.BOOLEAN);
            case "date" -> of(Kind.DATE);
            case "timestamp" -> of(Kind.TIMESTAMP);
            default -> throw new IllegalArgumentException("unknown type '" + text
                    + "' (use string, int, long, double, boolean, date, timestamp or decimal(p,s))");
        };
    }

    public boolean isTemporal() {
        return kind == Kind.DATE || kind == Kind.TIMESTAMP;
    }

    public boolean isNumeric() {
        return kind == Kind.INT || kind == Kind.LONG || kind == Kind.DOUBLE || kind == Kind.DECIMAL;
    }

    public DataType sparkType() {
        return switch (kind) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DECIMAL -> DataTypes.createDecimalType(precision, scale);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.DECIMAL ? "decimal(" + precision + "," + scale + ")" : kind.name().toLowerCase(Locale.ROOT);
    }
}
