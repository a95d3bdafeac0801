package dev.strata.etl.cli;

import dev.strata.catalog.glue.GlueDatabases;
import dev.strata.etl.spec.CuratedMode;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.PublishSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a spec's {@code publish:} section would publish where, in lines for {@code strata validate}: the Glue
 * database of each zone and the Spectrum tables, and the Redshift schema with each table it loads, its
 * merge keys, distribution and sort keys. Read from the spec alone: no lake, no Spark, no AWS.
 */
final class PublishSummary {

    private static final List<String> IDENTITY_TABLES = List.of("xref", "id_history", "links", "profile",
            "junk_identifiers");

    private final PipelineSpec spec;

    PublishSummary(PipelineSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        PublishSpec publish = spec.publish();
        PublishSpec.Glue glue = publish.glue().orElseGet(Publishing::defaultGlue);
        GlueDatabases databases = Publishing.databases(spec, "");
        List<String> zones = new ArrayList<>();
        for (String zone : glue.zones()) {
            zones.add(zone + " -> " + databases.database(zone));
        }
        lines.add("publish to Glue (with --catalog glue" + (publish.glue().isEmpty() ? "; no glue: section, defaults"
                : "") + "): " + String.join(", ", zones) + (glue.spectrum() && glue.zones().contains("curated")
                        ? "; Spectrum tables <table>" + glue.spectrumSuffix() + " in " + databases.database("curated")
                        : "; no Spectrum tables"));
        if (publish.redshift().isEmpty()) {
            lines.add("publish to Redshift: not declared (no redshift: section; --redshift-url loads every curated"
                    + " table into schema " + spec.name() + " with the defaults)");
            return lines;
        }
        PublishSpec.Redshift redshift = publish.redshift().get();
        List<String> tables = new ArrayList<>();
        for (CuratedStep step : spec.curated()) {
            Optional<PublishSpec.Table> table = step.mode() == CuratedMode.VIEW ? Optional.empty()
                    : redshift.table(step.name());
            table.ifPresent(t -> tables.add("  " + step.name() + " -> " + redshift.schema() + "." + t.target() + ": "
                    + load(t, step) + layout(t)));
        }
        int curated = tables.size();
        spec.identity().ifPresent(identity -> {
            List<String> names = new ArrayList<>();
            for (String suffix : IDENTITY_TABLES) {
                String name = identity.table(suffix);
                redshift.table(name).ifPresent(t -> names.add(name));
            }
            if (!names.isEmpty()) {
                tables.add("  and the identity stage's tables " + String.join(", ", names) + ", on their own keys");
            }
        });
        lines.add("publish to Redshift: schema " + redshift.schema()
                + "; url " + redshift.url().orElse("from --redshift-url")
                + "; user " + redshift.user().orElse("from --redshift-user (or the URL)")
                + "; password from $" + redshift.passwordEnv() + " (none for jdbc:redshift:iam:// URLs)"
                + "; COPY role " + redshift.iamRole().orElse("from --iam-role")
                + redshift.spectrumSchema().map(s -> "; external schema " + s + " over "
                        + databases.database("curated")).orElse("")
                + "; " + curated + " curated step(s)" + (redshift.onlyListed() ? " (load: listed)" : ""));
        lines.addAll(tables);
        return lines;
    }

    private static String load(PublishSpec.Table table, CuratedStep step) {
        List<String> keys = table.keys().orElse(step.mode() == CuratedMode.MERGE ? step.mergeKeys() : List.of());
        return keys.isEmpty() ? "replaced whole" : "merge on " + String.join(", ", keys);
    }

    private static String layout(PublishSpec.Table table) {
        String dist = table.distKey().map(k -> ", dist key " + k).orElse(", dist " + table.distStyle());
        String sort = table.sortKeys().isEmpty() ? "" : ", sort " + String.join(", ", table.sortKeys());
        String varchar = table.varchar().isEmpty() ? "" : ", varchar " + table.varchar();
        return dist + sort + varchar;
    }
}
