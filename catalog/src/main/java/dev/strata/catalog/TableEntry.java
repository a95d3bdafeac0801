package dev.strata.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

/**
 * A registered table: where its data is, in which format, how it is partitioned, its columns (an empty
 * schema when they are not known), its properties, and when it was first registered and last changed.
 * Partition columns are among the schema's columns whenever the schema is known.
 */
public record TableEntry(TableName name, String location, String format, List<String> partitionColumns,
        StructType schema, Map<String, String> properties, Instant registeredAt, Instant updatedAt) {

    public TableEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(partitionColumns, "partitionColumns is null");
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(properties, "properties is null");
        Objects.requireNonNull(registeredAt, "registeredAt is null");
        Objects.requireNonNull(updatedAt, "updatedAt is null");
        if (location.isBlank()) {
            throw new IllegalArgumentException("location of " + name + " cannot be blank");
        }
        if (format.isBlank()) {
            throw new IllegalArgumentException("format of " + name + " cannot be blank");
        }
        partitionColumns = List.copyOf(partitionColumns);
        properties = Map.copyOf(properties);
        if (!schema.isEmpty()) {
            List<String> names = List.of(schema.fieldNames());
            for (String column : partitionColumns) {
                if (!names.contains(column)) {
                    throw new IllegalArgumentException("partition column " + column + " of " + name
                            + " is not among its columns " + names);
                }
            }
        }
    }

    /** An entry whose columns are not known. */
    public TableEntry(TableName name, String location, String format, List<String> partitionColumns,
            Map<String, String> properties, Instant registeredAt, Instant updatedAt) {
        this(name, location, format, partitionColumns, new StructType(), properties, registeredAt, updatedAt);
    }

    /** The same entry with other timestamps. */
    public TableEntry withTimes(Instant registered, Instant updated) {
        return new TableEntry(name, location, format, partitionColumns, schema, properties, registered, updated);
    }

    /** True when both describe the same table the same way, whatever their timestamps. */
    public boolean sameDefinition(TableEntry other) {
        Objects.requireNonNull(other, "other is null");
        return name.equals(other.name) && location.equals(other.location) && format.equals(other.format)
                && partitionColumns.equals(other.partitionColumns) && schema.equals(other.schema)
                && properties.equals(other.properties);
    }
}
