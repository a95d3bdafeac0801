package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.IdentityResolver.Comparison;
import dev.strata.transforms.identity.MatchModel;
import dev.strata.transforms.identity.PiiProtection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Why two records were linked or not: their values field by field (masked unless asked otherwise), the
 * comparison level and match weight of each, the prior, the total weight and probability against the
 * threshold, the deterministic rules they meet, the blocking rules that pair them, and their customer ids.
 * The pair is scored with the model of the last run, so the figures are those the run used.
 */
public final class IdentityExplainer {

    /** One field's line. */
    public record FieldLine(String field, String left, String right, int level, int levels, double weight) {
    }

    /** The explanation: both records, each field, and the verdict. */
    public record Explanation(String left, String right, Optional<Long> leftCustomer, Optional<Long> rightCustomer,
            List<FieldLine> fields, double priorWeight, double matchWeight, double probability, double threshold,
            List<String> deterministic, List<String> blockedBy, List<String> junk) {

        public boolean linkedByModel() {
            return probability >= threshold && !blockedBy.isEmpty();
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            out.append(left).append("  vs  ").append(right).append('\n');
            out.append("customer ids: ").append(leftCustomer.map(String::valueOf).orElse("none")).append(" and ")
                    .append(rightCustomer.map(String::valueOf).orElse("none"))
                    .append(leftCustomer.isPresent() && leftCustomer.equals(rightCustomer) ? " (the same customer)"
                            : " (different customers)").append("\n\n");
            int width = Math.max(8, fields.stream().mapToInt(f -> Math.max(f.left().length(), f.right().length()))
                    .max().orElse(8));
            String format = "%-22s %-" + width + "s %-" + width + "s %-12s %8s%n";
            out.append(String.format(Locale.ROOT, format, "comparison", "left", "right", "level", "weight"));
            for (FieldLine f : fields) {
                out.append(String.format(Locale.ROOT, format, f.field(), f.left(), f.right(), level(f),
                        f.level() < 0 ? "0" : String.format(Locale.ROOT, "%+.2f", f.weight())));
            }
            out.append(String.format(Locale.ROOT, format, "prior (match share)", "", "", "",
                    String.format(Locale.ROOT, "%+.2f", priorWeight)));
            out.append(String.format(Locale.ROOT, "%nmatch weight %+.2f, probability %.6f, threshold %.4f%n",
                    matchWeight, probability, threshold));
            if (!junk.isEmpty()) {
                out.append("junk: ").append(String.join(", ", junk)).append(" shared by too many records, so treated"
                        + " as missing\n");
            }
            out.append("blocking: ").append(blockedBy.isEmpty() ? "no rule pairs them, so the model never compares them"
                    : "paired by " + String.join(", ", blockedBy)).append('\n');
            out.append("deterministic: ").append(deterministic.isEmpty() ? "no rule links them outright"
                    : "linked outright by equal " + String.join(", ", deterministic)).append('\n');
            String verdict = !deterministic.isEmpty() ? "linked (deterministic rule)"
                    : linkedByModel() ? "linked by the model" : blockedBy.isEmpty() ? "not compared"
                    : "not linked by the model (below the threshold)";
            out.append("verdict: ").append(verdict).append(leftCustomer.isPresent() && leftCustomer.equals(rightCustomer)
                    && deterministic.isEmpty() && !linkedByModel() ? "; they share a customer id through other records" : "")
                    .append('\n');
            return out.toString();
        }

        private static String level(FieldLine f) {
            if (f.level() < 0) {
                return "missing";
            }
            if (f.level() == f.levels() - 1) {
                return "exact";
            }
            return f.level() == 0 ? "different" : "level " + f.level() + "/" + (f.levels() - 1);
        }
    }

    private final SparkSession spark;
    private final Lake lake;
    private final DeltaTables delta;

    public IdentityExplainer(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.delta = new DeltaTables(spark);
    }

    /**
     * @param left a record as {@code source:key} or its numeric record id
     * @param showValues print the values as they are instead of masked
     */
    public Explanation explain(IdentitySpec identity, String left, String right, boolean showValues) {
        String recordsPath = lake.cleanTable(identity.table("records"));
        String modelPath = IdentityStage.modelPath(lake, identity);
        if (!delta.exists(recordsPath) || !lake.exists(modelPath)) {
            throw new UserError("no identity run on this lake yet (clean." + identity.table("records")
                    + " or its model is missing): run strata identity run first");
        }
        Dataset<Row> records = delta.read(recordsPath);
        Row a = record(records, left, identity);
        Row b = record(records, right, identity);
        MatchModel model = MatchModel.fromJson(lake.readText(modelPath));
        IdentityPlan plan = IdentityPlan.of(identity);
        IdentityResolver resolver = new IdentityResolver(spark, plan.resolverPlan());
        Dataset<Row> pair = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(
                a.<Long>getAs("record_id"), b.<Long>getAs("record_id"))),
                new org.apache.spark.sql.types.StructType().add("id_l", "long").add("id_r", "long"));
        // identifier values too many records share were treated as missing by the run: here too
        List<String> junk = new ArrayList<>();
        Dataset<Row> two = records.where(col("record_id").isin(a.<Long>getAs("record_id"), b.<Long>getAs("record_id")));
        for (String field : identity.identifiers()) {
            for (Row r : List.of(a, b)) {
                Object value = r.getAs(field);
                if (value != null && !junk.contains(field + "=" + value)) {
                    long shared = records.where(col(field).equalTo(lit(value))).count();
                    if (shared > identity.maxRecordsPerIdentifier()) {
                        junk.add(field + "=" + value);
                        two = two.withColumn(field, org.apache.spark.sql.functions.when(col(field).equalTo(lit(value)),
                                lit(null).cast(two.schema().apply(field).dataType())).otherwise(col(field)));
                    }
                }
            }
        }
        Row scored = model.score(resolver.compare(pair, two, records)).first();

        PiiProtection masks = new PiiProtection("explain-masks-only");
        List<FieldLine> lines = new ArrayList<>();
        for (int i = 0; i < plan.resolverPlan().comparisons().size(); i++) {
            Comparison c = plan.resolverPlan().comparisons().get(i);
            String column = IdentityResolver.levelColumn(c);
            int level = scored.isNullAt(scored.fieldIndex(column)) ? -1 : scored.<Integer>getAs(column);
            double weight = scored.<Double>getAs("w_" + column);
            IdentitySpec.Field field = identity.fields().get(c.field());
            lines.add(new FieldLine(column, show(a, c.field(), field, showValues, masks),
                    show(b, c.field(), field, showValues, masks), level, model.m()[i].length, weight));
        }
        List<String> deterministic = new ArrayList<>();
        List<String> junkFields = junk.stream().map(j -> j.substring(0, j.indexOf('='))).toList();
        for (List<String> rule : identity.deterministic()) {
            if (rule.stream().allMatch(f -> !junkFields.contains(f) && !a.isNullAt(a.fieldIndex(f))
                    && a.getAs(f).equals(b.getAs(f)))) {
                deterministic.add(String.join("+", rule));
            }
        }
        List<String> blocked = new ArrayList<>();
        for (List<String> rule : identity.blocking()) {
            if (rule.stream().allMatch(f -> !junkFields.contains(f) && !a.isNullAt(a.fieldIndex(f))
                    && a.getAs(f).equals(b.getAs(f)))) {
                blocked.add(String.join("+", rule));
            }
        }
        Optional<Long> customerA = customer(identity, a.getAs("record_id"));
        Optional<Long> customerB = customer(identity, b.getAs("record_id"));
        return new Explanation(name(a), name(b), customerA, customerB, lines, model.priorWeight(),
                scored.<Double>getAs("match_weight"), scored.<Double>getAs("match_probability"), identity.threshold(),
                deterministic, blocked, junk.stream().map(j -> j.substring(0, j.indexOf('='))).distinct().toList());
    }

    private Row record(Dataset<Row> records, String reference, IdentitySpec identity) {
        Dataset<Row> found;
        if (reference.matches("[0-9]+")) {
            found = records.where(col("record_id").equalTo(Long.parseLong(reference)));
        } else {
            int colon = reference.indexOf(':');
            if (colon <= 0) {
                throw new UserError("name a record as SOURCE:KEY (like crm:C1000001) or by its record id, not '"
                        + reference + "'");
            }
            found = records.where(col("source").equalTo(reference.substring(0, colon))
                    .and(col("source_key").equalTo(reference.substring(colon + 1))));
        }
        List<Row> rows = found.limit(1).collectAsList();
        if (rows.isEmpty()) {
            throw new UserError("no record " + reference + " in clean." + identity.table("records") + " (sources: "
                    + String.join(", ", identity.records().stream().map(IdentitySpec.RecordSource::source).toList())
                    + ")");
        }
        return rows.get(0);
    }

    private Optional<Long> customer(IdentitySpec identity, long recordId) {
        String path = lake.curatedTable(identity.table("xref"));
        if (!delta.exists(path)) {
            return Optional.empty();
        }
        List<Row> rows = delta.read(path).where(col("record_id").equalTo(lit(recordId))).select("customer_id")
                .collectAsList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getLong(0));
    }

    private String show(Row row, String column, IdentitySpec.Field field, boolean showValues, PiiProtection masks) {
        Object value = row.getAs(column);
        if (value == null) {
            return "-";
        }
        if (showValues) {
            return value.toString();
        }
        Dataset<Row> one = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(value.toString())),
                new org.apache.spark.sql.types.StructType().add("v", "string"));
        return one.select(masks.mask(col("v"), ProfileBuilder.maskKind(field.type()))).first().getString(0);
    }

    private static String name(Row row) {
        return row.getAs("source") + ":" + row.getAs("source_key") + " (record " + row.getAs("record_id") + ")";
    }
}
