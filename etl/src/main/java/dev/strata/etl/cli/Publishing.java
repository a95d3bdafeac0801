package dev.strata.etl.cli;

import dev.strata.catalog.MirroredTableCatalog;
import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.glue.GlueDatabases;
import dev.strata.catalog.glue.GlueTableCatalog;
import dev.strata.catalog.notify.CompletionNotices;
import dev.strata.catalog.warehouse.WarehouseConnections;
import dev.strata.etl.publish.PublishTargets;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.PublishSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Builds what a publishing command publishes to, from the spec's publish: section and the command line. */
final class Publishing implements AutoCloseable {

    private final PipelineSpec spec;
    private final PublishOptions options;
    private final AwsServices aws;
    private GlueTableCatalog glue;
    private Optional<String> only = Optional.empty();
    private boolean catalogToo = true;

    Publishing(PipelineSpec spec, PublishOptions options) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.aws = AwsServices.of(options);
    }

    PublishOptions options() {
        return options;
    }

    /** Publishes one curated table only. */
    Publishing only(Optional<String> table) {
        this.only = Objects.requireNonNull(table, "table is null");
        return this;
    }

    Optional<String> only() {
        return only;
    }

    /** Leaves the catalog out: the warehouse (and notices) only. */
    Publishing warehouseOnly() {
        this.catalogToo = false;
        return this;
    }

    /** The Glue database of each zone: the spec's names (or strata_<zone>) behind --glue-prefix. */
    static GlueDatabases databases(PipelineSpec spec, String extraPrefix) {
        PublishSpec.Glue glue = spec.publish().glue().orElseGet(Publishing::defaultGlue);
        Map<String, String> names = new HashMap<>();
        for (String zone : PublishSpec.Glue.ZONES) {
            names.put(zone, glue.database(zone, extraPrefix));
        }
        return new GlueDatabases(extraPrefix + glue.databasePrefix(), names);
    }

    static PublishSpec.Glue defaultGlue() {
        Map<String, String> zones = new HashMap<>();
        PublishSpec.Glue.ZONES.forEach(z -> zones.put(z, z));
        return new PublishSpec.Glue("strata_", zones, PublishSpec.Glue.ZONES, true, "_spectrum");
    }

    /** The Glue catalog, when --catalog glue. */
    Optional<GlueTableCatalog> glue() {
        if (!options.glue()) {
            return Optional.empty();
        }
        if (glue == null) {
            glue = new GlueTableCatalog(aws.glue(), databases(spec, options.gluePrefix()));
        }
        return Optional.of(glue);
    }

    /** The catalog a run registers tables in: the lake's, and Glue as well when --catalog glue. */
    TableCatalog catalog(TableCatalog lake) {
        return glue().<TableCatalog>map(g -> new MirroredTableCatalog(lake, g)).orElse(lake);
    }

    /** Where the publication of one run goes. */
    PublishTargets targets(String runId) {
        boolean catalog = catalogToo;
        Optional<String> url = options.redshiftUrl()
                .or(() -> spec.publish().redshift().flatMap(PublishSpec.Redshift::url)).filter(u -> !u.isBlank());
        Optional<CompletionNotices> notices = options.noticeTopic()
                .map(t -> new CompletionNotices(aws.sns(), CompletionNotices.topicOf(t)));
        return new PublishTargets(catalog ? glue() : Optional.empty(), databases(spec, options.gluePrefix()), url,
                options.redshiftUser(), options.iamRole(), WarehouseConnections.fromSystemEnvironment(), notices,
                options.locationRoot(), runId, options.dryRun());
    }

    @Override
    public void close() {
        aws.close();
    }
}
