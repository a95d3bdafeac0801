package dev.strata.etl.publish;

import dev.strata.catalog.glue.GlueDatabases;
import dev.strata.catalog.glue.GlueTableCatalog;
import dev.strata.catalog.notify.CompletionNotices;
import dev.strata.catalog.warehouse.WarehouseConnections;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one publication goes, as the command line and the environment decide: the Glue catalog (absent:
 * Glue is not published), a warehouse URL (absent: nothing is loaded), a topic for completion notices.
 *
 * @param glue the Glue catalog, with the spec's database names
 * @param databases the Glue database of each zone (also named by the Spectrum schema)
 * @param warehouseUrl a {@code jdbc:redshift:} or {@code jdbc:postgresql:} URL, without a password
 * @param warehouseUser overrides the spec's database user
 * @param iamRole overrides the spec's role for COPY and the Spectrum schema
 * @param locationRoot for a local lake, where its folders would be on S3 (for a dry run's COPY)
 * @param dryRun print the SQL and change nothing
 */
public record PublishTargets(Optional<GlueTableCatalog> glue, GlueDatabases databases, Optional<String> warehouseUrl,
        Optional<String> warehouseUser, Optional<String> iamRole, WarehouseConnections connections,
        Optional<CompletionNotices> notices, Optional<String> locationRoot, String runId, boolean dryRun) {

    public PublishTargets {
        Objects.requireNonNull(glue, "glue is null");
        Objects.requireNonNull(databases, "databases is null");
        Objects.requireNonNull(warehouseUrl, "warehouseUrl is null");
        Objects.requireNonNull(warehouseUser, "warehouseUser is null");
        Objects.requireNonNull(iamRole, "iamRole is null");
        Objects.requireNonNull(connections, "connections is null");
        Objects.requireNonNull(notices, "notices is null");
        Objects.requireNonNull(locationRoot, "locationRoot is null");
        Objects.requireNonNull(runId, "runId is null");
    }
}
