package dev.strata.catalog.glue;

import java.util.List;
import java.util.Objects;

/**
 * What registering a Spectrum table did.
 *
 * @param table the Glue table, {@code database.table}
 * @param tableChange whether the table itself was created, updated or left as it was
 * @param created partitions created
 * @param updated partitions whose definition changed
 * @param deleted partitions removed because their manifest folder is gone
 * @param unchanged partitions already as they should be
 * @param errors one readable line per partition Glue refused
 */
public record SpectrumRegistration(String table, Change tableChange, int created, int updated, int deleted,
        int unchanged, List<String> errors) {

    /** What happened to the table definition. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    public SpectrumRegistration {
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(tableChange, "tableChange is null");
        Objects.requireNonNull(errors, "errors is null");
        if (created < 0 || updated < 0 || deleted < 0 || unchanged < 0) {
            throw new IllegalArgumentException("partition counts cannot be negative");
        }
        errors = List.copyOf(errors);
    }

    /** True when Glue accepted every partition. */
    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** True when nothing had to change. */
    public boolean noChange() {
        return tableChange == Change.UNCHANGED && created == 0 && updated == 0 && deleted == 0;
    }
}
