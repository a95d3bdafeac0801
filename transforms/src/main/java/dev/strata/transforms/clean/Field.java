package dev.strata.transforms.clean;

import java.util.Objects;
import java.util.Optional;

/**
 * One declared column: its clean name, the name it has in the source (header or JSON key),
 * its type, whether it may be null and, for dates and timestamps, the pattern it is written in.
 */
public record Field(String name, String source, FieldType type, boolean nullable, Optional<String> format) {

    public Field {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(format, "format is null");
    }

    public static Field of(String name, FieldType type) {
        return new Field(name, name, type, true, Optional.empty());
    }
}
