package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.IdentitySpec.Field;
import dev.strata.etl.spec.IdentitySpec.RecordSource;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where PII is, zone by zone: the source columns an identity section maps to standard fields (as received
 * in raw files, in clear in clean tables and in quarantined rows), the standardised records, and what the
 * curated profile carries of each field. A hashed profile column is checked on the data: every value must
 * be 64 hex digits. Other curated tables of the lake are flagged when a column bears the name of a PII
 * column, so a SQL step that copies one is noticed.
 */
public final class PiiReport {

    /** One line of the report; {@code check} is empty, "ok" or what is wrong. */
    public record Line(String zone, String table, String column, String pii, String protection, String check) {
    }

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final DeltaTables delta;

    public PiiReport(SparkSession spark, Lake lake, TableCatalog catalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.delta = new DeltaTables(spark);
    }

    public List<Line> lines(PipelineSpec pipeline) {
        IdentitySpec identity = pipeline.identity().orElseThrow(() -> new dev.strata.etl.UserError("pipeline "
                + pipeline.name() + " has no identity: section, so it declares no PII"));
        List<Line> lines = new ArrayList<>();
        Set<String> piiColumns = new LinkedHashSet<>();
        for (RecordSource records : identity.records()) {
            SourceSpec source = pipeline.source(records.source()).orElseThrow();
            Map<String, String> sourceNames = new HashMap<>();
            source.clean().fields().forEach(f -> sourceNames.put(f.name(), f.source()));
            String table = source.target().table();
            for (Map.Entry<String, String> mapped : records.columns().entrySet()) {
                Field field = identity.fields().get(mapped.getKey());
                String kind = kind(field);
                piiColumns.add(mapped.getValue());
                lines.add(new Line("raw", records.source(), sourceNames.getOrDefault(mapped.getValue(),
                        mapped.getValue()), kind, "as received (source files, immutable)", ""));
                lines.add(new Line("clean", table, mapped.getValue(), kind, "in clear", ""));
            }
            String quarantine = lake.quarantineTable(table);
            if (delta.exists(quarantine)) {
                for (String column : delta.read(quarantine).columns()) {
                    if (records.columns().containsValue(column) || column.contains("raw")) {
                        lines.add(new Line("quarantine", table, column, column.contains("raw")
                                ? "rejected rows as read (may hold any PII)" : kind(identity.fields().get(
                                        fieldOf(records, column))), "in clear", ""));
                    }
                }
            }
        }
        for (Field field : identity.fields().values()) {
            lines.add(new Line("clean", identity.table("records"), field.name(), kind(field), "in clear (standardised)",
                    ""));
        }
        String profilePath = lake.curatedTable(identity.table("profile"));
        Dataset<Row> profile = delta.exists(profilePath) ? delta.read(profilePath) : null;
        for (Field field : identity.fields().values()) {
            String protection = switch (field.pii()) {
                case HASH -> "hashed (salted SHA-256)";
                case MASK -> "masked";
                case KEEP -> "kept in clear";
                case DROP -> "dropped";
            };
            lines.add(new Line("curated", identity.table("profile"), field.name(), kind(field), protection,
                    profile == null ? "not built yet" : check(profile, field)));
        }
        for (String table : List.of("xref", "links", "id_history")) {
            lines.add(new Line("curated", identity.table(table), "-", "none", "ids, levels and weights only", ""));
        }
        lines.add(new Line("curated", identity.table("junk_identifiers"), "value_masked", "identifier values",
                "masked", ""));
        Set<String> own = Set.of(identity.table("profile"), identity.table("xref"), identity.table("links"),
                identity.table("id_history"), identity.table("junk_identifiers"));
        for (TableEntry entry : catalog.list("curated")) {
            if (own.contains(entry.name().table()) || !delta.exists(entry.location())) {
                continue;
            }
            for (String column : delta.read(entry.location()).columns()) {
                if (piiColumns.contains(column) || identity.fields().containsKey(column)) {
                    lines.add(new Line("curated", entry.name().table(), column, "has the name of a PII column",
                            "unknown", "check the SQL that writes it"));
                }
            }
        }
        return lines;
    }

    private static String fieldOf(RecordSource records, String column) {
        return records.columns().entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    private static String kind(Field field) {
        return field == null ? "PII" : field.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (field.identifier() ? " (identifier)" : "");
    }

    private static String check(Dataset<Row> profile, Field field) {
        boolean present = List.of(profile.columns()).contains(field.name());
        return switch (field.pii()) {
            case DROP -> present ? "PRESENT: should be dropped" : "ok";
            case HASH -> {
                if (!present) {
                    yield "missing";
                }
                long bad = profile.where(col(field.name()).isNotNull()
                        .and(col(field.name()).cast("string").rlike("^[0-9a-f]{64}$").unary_$bang())).count();
                yield bad == 0 ? "ok" : bad + " value(s) not hashed";
            }
            case MASK -> {
                if (!present) {
                    yield "missing";
                }
                long bad = profile.where(col(field.name()).isNotNull()
                        .and(col(field.name()).cast("string").contains("*").unary_$bang())
                        .and(org.apache.spark.sql.functions.length(col(field.name()).cast("string")).gt(1))).count();
                yield bad == 0 ? "ok" : bad + " value(s) not masked";
            }
            case KEEP -> present ? "ok" : "missing";
        };
    }
}
