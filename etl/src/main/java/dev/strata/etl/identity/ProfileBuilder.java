package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.IdentitySpec.Field;
import dev.strata.etl.spec.IdentitySpec.FieldType;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.identity.PiiProtection;
import dev.strata.transforms.identity.RfmSegments;
import dev.strata.transforms.identity.Survivorship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code curated.<entity>_profile}: per customer, each field's surviving value (by the section's rule, or
 * most frequent for names, dates and postcodes and most recent for the rest) with the source it came from,
 * records, sources and first and last seen, and with an orders source: orders, revenue, average order,
 * first and last order, channels, days since the last order (counted to the day of the latest order in the
 * data, so a rerun on the same data gives the same figures) and the RFM scores and segment. Every field is
 * then hashed, masked, kept or dropped as the section says.
 */
public final class ProfileBuilder {

    private final SparkSession spark;
    private final DeltaTables delta;
    private final Lake lake;
    private final PiiProtection protection;

    public ProfileBuilder(SparkSession spark, Lake lake, String salt) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.delta = new DeltaTables(spark);
        this.protection = new PiiProtection(salt);
    }

    Dataset<Row> build(PipelineSpec pipeline, IdentitySpec identity, Dataset<Row> records, Dataset<Row> xref) {
        Optional<Dataset<Row>> orders = identity.orders().map(o -> delta.read(lake.cleanTable(
                new IdentityRecords(spark, lake).cleanTable(pipeline, o.source()))));
        return build(identity, records, xref, orders);
    }

    /** The profiles, with the orders source's table given (when the section has one). */
    public Dataset<Row> build(IdentitySpec identity, Dataset<Row> records, Dataset<Row> xref,
            Optional<Dataset<Row>> orders) {
        Dataset<Row> linked = records.join(xref.select("record_id", "customer_id"), "record_id");
        List<Survivorship.Attribute> attributes = new ArrayList<>();
        Map<String, IdentitySpec.SurvivorshipSpec> declared = new LinkedHashMap<>();
        identity.survivorship().forEach(s -> declared.put(s.field(), s));
        for (Field field : identity.fields().values()) {
            if (field.pii() == IdentitySpec.Protection.DROP) {
                continue;
            }
            IdentitySpec.SurvivorshipSpec rule = declared.get(field.name());
            Survivorship.Rule kind = rule != null ? Survivorship.Rule.valueOf(rule.rule().toUpperCase(Locale.ROOT))
                    : defaultRule(field.type());
            attributes.add(new Survivorship.Attribute(field.name(), kind, rule != null ? rule.sources() : List.of()));
        }
        Dataset<Row> golden = new Survivorship(attributes).golden(linked);
        for (Field field : identity.fields().values()) {
            if ((field.type() == FieldType.GIVEN_NAME || field.type() == FieldType.NAME)
                    && List.of(golden.columns()).contains(field.name())) {
                golden = golden.withColumn(field.name(), initcap(col(field.name())));
            }
        }
        Dataset<Row> activity = linked.groupBy("customer_id").agg(count(lit(1)).as("record_count"),
                array_sort(collect_set(col("source"))).as("sources"), min(col("seen_at")).as("first_seen"),
                max(col("seen_at")).as("last_seen"));
        Dataset<Row> profile = golden.join(activity, "customer_id");
        if (identity.orders().isPresent() && orders.isPresent()) {
            profile = withOrders(profile, identity, identity.orders().get(), orders.get(), xref);
        }
        Map<String, PiiProtection.Protection> protections = new LinkedHashMap<>();
        Map<String, PiiProtection.MaskKind> kinds = new LinkedHashMap<>();
        for (Field field : identity.fields().values()) {
            if (field.pii() != IdentitySpec.Protection.DROP) {
                protections.put(field.name(), PiiProtection.Protection.valueOf(field.pii().name()));
                if (field.pii() == IdentitySpec.Protection.MASK) {
                    kinds.put(field.name(), maskKind(field.type()));
                }
            }
        }
        return protection.protect(profile, protections, kinds).orderBy("customer_id");
    }

    /** A value masked the way its field is (for reports of identifier values). */
    Column masked(Column value, Field field) {
        return protection.mask(value, maskKind(field.type()));
    }

    private Dataset<Row> withOrders(Dataset<Row> profile, IdentitySpec identity, IdentitySpec.OrdersSpec orders,
            Dataset<Row> table, Dataset<Row> xref) {
        IdentitySpec.RecordSource source = identity.records().stream().filter(r -> r.source().equals(orders.source()))
                .findFirst().orElseThrow();
        Column channel = orders.channel().map(c -> col(c).cast("string")).orElse(lit(null).cast("string"));
        Dataset<Row> rows = table.select(IdentityRecords.recordId(lit(orders.source()), col(source.key()).cast("string"))
                .as("record_id"), col(orders.amount()).cast("decimal(18,2)").as("amount"),
                col(orders.at()).cast("timestamp").as("at"), channel.as("channel"))
                .join(xref.select("record_id", "customer_id"), "record_id");
        Row latest = rows.agg(max(col("at"))).first();
        Column asOf = latest.isNullAt(0) ? to_date(lit("1970-01-01")) : to_date(lit(latest.getTimestamp(0)));
        Dataset<Row> totals = rows.groupBy("customer_id").agg(count(lit(1)).as("orders"),
                sum(col("amount")).as("revenue"), min(col("at")).as("first_order_at"), max(col("at")).as("last_order_at"),
                array_sort(collect_set(col("channel"))).as("channels"));
        Dataset<Row> joined = profile.join(totals, scala.collection.JavaConverters.asScalaBuffer(
                List.of("customer_id")).toSeq(), "left")
                .withColumn("orders", coalesce(col("orders"), lit(0L)))
                .withColumn("revenue", coalesce(col("revenue"), lit(0).cast("decimal(28,2)")))
                .withColumn("avg_order_value", round(col("revenue").divide(col("orders")), 2).cast("decimal(18,2)"))
                .withColumn("recency_days", datediff(asOf, to_date(col("last_order_at"))));
        return new RfmSegments("recency_days", "orders", "revenue").apply(joined);
    }

    private static Survivorship.Rule defaultRule(FieldType type) {
        return switch (type) {
            case GIVEN_NAME, NAME, DATE, POSTCODE -> Survivorship.Rule.MOST_FREQUENT;
            case EMAIL, PHONE, ADDRESS, ID, TEXT -> Survivorship.Rule.MOST_RECENT;
        };
    }

    static PiiProtection.MaskKind maskKind(FieldType type) {
        return switch (type) {
            case EMAIL -> PiiProtection.MaskKind.EMAIL;
            case PHONE -> PiiProtection.MaskKind.PHONE;
            case GIVEN_NAME, NAME -> PiiProtection.MaskKind.NAME;
            case ADDRESS -> PiiProtection.MaskKind.ADDRESS;
            case DATE -> PiiProtection.MaskKind.DATE;
            case POSTCODE, ID, TEXT -> PiiProtection.MaskKind.TEXT;
        };
    }
}
