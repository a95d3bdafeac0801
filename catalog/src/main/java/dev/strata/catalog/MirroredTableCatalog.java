package dev.strata.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lake's own catalog kept in step with another one: every registration and drop goes to both, the
 * primary first; lookups and listings read the primary. With the local catalog as primary and Glue as
 * the mirror, the engine finds its tables in the lake without a network call while Athena and Redshift
 * Spectrum see each table as soon as it is written.
 */
public final class MirroredTableCatalog implements TableCatalog {

    private final TableCatalog primary;
    private final TableCatalog mirror;

    public MirroredTableCatalog(TableCatalog primary, TableCatalog mirror) {
        this.primary = Objects.requireNonNull(primary, "primary is null");
        this.mirror = Objects.requireNonNull(mirror, "mirror is null");
    }

    public TableCatalog primary() {
        return primary;
    }

    public TableCatalog mirror() {
        return mirror;
    }

    @Override
    public void register(TableEntry entry) {
        primary.register(entry);
        mirror.register(primary.lookup(entry.name()).orElse(entry));
    }

    @Override
    public Optional<TableEntry> lookup(TableName name) {
        return primary.lookup(name);
    }

    @Override
    public List<TableEntry> list() {
        return primary.list();
    }

    @Override
    public List<TableEntry> list(String zone) {
        return primary.list(zone);
    }

    @Override
    public boolean drop(TableName name) {
        boolean dropped = primary.drop(name);
        return mirror.drop(name) || dropped;
    }

    @Override
    public String toString() {
        return "MirroredTableCatalog[" + primary + " -> " + mirror + "]";
    }
}
