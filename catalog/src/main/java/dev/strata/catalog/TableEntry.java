package dev.strata.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered table: where its data is, in which format, how it is partitioned, its properties, and
 * when it was first registered and last changed.
 */
public record TableEntry(TableName name, String location, String format, List<String> partitionColumns,
        Map<String, String> properties, Instant registeredAt, Instant updatedAt) {

    public TableEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(partitionColumns, "partitionColumns is null");
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
    }

    /** True when both describe the same table the same way, whatever their timestamps. */
    public boolean sameDefinition(TableEntry other) {
        Objects.requireNonNull(other, "other is null");
        return name.equals(other.name) && location.equals(other.location) && format.equals(other.format)
                && partitionColumns.equals(other.partitionColumns) && properties.equals(other.properties);
    }
}
