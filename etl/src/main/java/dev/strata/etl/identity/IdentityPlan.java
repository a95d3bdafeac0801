package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.strata.etl.spec.IdentitySpec;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.IdentityResolver.Comparison;
import dev.strata.transforms.identity.IdentityResolver.Kind;
import dev.strata.transforms.identity.ResolutionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An identity section as the resolver's plan. A deterministic rule of one field links on that field; a rule
 * of several fields links on a column made of them all ({@code rule_<i>}, null when any is missing), which
 * is guarded against junk values like the identifier fields.
 */
public record IdentityPlan(IdentitySpec identity, ResolutionPlan resolverPlan, List<String> ruleColumns) {

    public IdentityPlan {
        Objects.requireNonNull(identity, "identity is null");
        Objects.requireNonNull(resolverPlan, "resolverPlan is null");
        ruleColumns = List.copyOf(ruleColumns);
    }

    public static IdentityPlan of(IdentitySpec identity) {
        List<String> guarded = new ArrayList<>(identity.identifiers());
        List<String> keys = new ArrayList<>();
        List<String> ruleColumns = new ArrayList<>();
        for (int i = 0; i < identity.deterministic().size(); i++) {
            List<String> rule = identity.deterministic().get(i);
            if (rule.size() == 1) {
                keys.add(rule.get(0));
                if (!guarded.contains(rule.get(0))) {
                    guarded.add(rule.get(0));
                }
            } else {
                String name = "rule_" + i;
                ruleColumns.add(name);
                keys.add(name);
                guarded.add(name);
            }
        }
        List<Comparison> comparisons = identity.comparisons().stream()
                .map(c -> new Comparison(c.field(), Kind.valueOf(c.kind().toUpperCase(Locale.ROOT)), c.cross().orElse(null)))
                .toList();
        ResolutionPlan plan = ResolutionPlan.builder(comparisons)
                .guarded(guarded)
                .maxRecordsPerIdentifier(identity.maxRecordsPerIdentifier())
                .deterministic(keys)
                .blocking(identity.blocking())
                .maxBlockSize(identity.maxBlockSize())
                .threshold(identity.threshold())
                .conflicts(identity.conflicts())
                .training(identity.training())
                .frequencyAdjusted(identity.frequencyAdjusted())
                .uniqueNames(identity.uniqueNames())
                .namesFromEmail(identity.namesFromEmail())
                .build();
        return new IdentityPlan(identity, plan, ruleColumns);
    }

    /** The records with the columns of multi-field deterministic rules added. */
    public Dataset<Row> withRuleColumns(Dataset<Row> records) {
        Dataset<Row> out = records;
        int next = 0;
        for (int i = 0; i < identity.deterministic().size(); i++) {
            List<String> rule = identity.deterministic().get(i);
            if (rule.size() > 1) {
                Column anyMissing = lit(false);
                for (String f : rule) {
                    anyMissing = anyMissing.or(col(f).isNull());
                }
                Column joined = concat_ws("\u001f", rule.stream().map(f -> col(f).cast("string")).toArray(Column[]::new));
                out = out.withColumn(ruleColumns.get(next++), when(anyMissing, lit(null).cast("string")).otherwise(joined));
            }
        }
        return out;
    }

    /** The columns of the links table, in order: the pair, their sources and keys, the rule, levels, weights. */
    public Column[] linkColumns(Dataset<Row> scored) {
        List<Column> out = new ArrayList<>(List.of(col("id_l"), col("id_r"), col("source_l"), col("key_l"),
                col("source_r"), col("key_r"), col("rule")));
        for (Comparison c : resolverPlan.comparisons()) {
            out.add(col(IdentityResolver.levelColumn(c)));
        }
        for (String column : scored.columns()) {
            if (column.startsWith("w_")) {
                out.add(col(column));
            }
        }
        out.add(col("match_weight"));
        out.add(col("match_probability"));
        out.add(col("linked"));
        return out.toArray(Column[]::new);
    }
}
