package dev.strata.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A registered table: where its data is, in which format, how it is partitioned, and its properties. */
public record TableEntry(TableName name, String location, String format, List<String> partitionColumns,
        Map<String, String> properties, Instant registeredAt, Instant updatedAt) {

    public TableEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(format, "format is null");
        partitionColumns = List.copyOf(Objects.requireNonNull(partitionColumns, "partitionColumns is null"));
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties is null"));
        Objects.requireNonNull(registeredAt, "registeredAt is null");
        Objects.requireNonNull(updatedAt, "updatedAt is null");
    }

    /** True when both describe the same table the same way, whatever their timestamps. */
    public boolean sameDefinition(TableEntry other) {
        return name.equals(other.name) && location.equals(other.location) && format.equals(other.format)
                && partitionColumns.equals(other.partitionColumns) && properties.equals(other.properties);
    }
}
