package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Fellegi–Sunter model: for each compared field and each comparison level, the probability of that
 * level among true matches (m) and among non-matches (u), and the share of matches among compared pairs
 * (lambda). A pair's match weight is the sum over fields of log2(m/u) of its levels plus the prior's
 * log2(lambda / (1 - lambda)); a level of -1 (a value missing on either side) adds nothing.
 *
 * @param fields the compared fields, in the order of {@code m} and {@code u}
 * @param m per field, per level (0 = least similar .. highest = exact), P(level | match)
 * @param u per field, per level, P(level | non-match)
 */
public record MatchModel(List<String> fields, double lambda, double[][] m, double[][] u, int iterations) {

    private static final double FLOOR = 1e-6;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public MatchModel {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
        Objects.requireNonNull(m, "m is null");
        Objects.requireNonNull(u, "u is null");
        if (m.length != fields.size() || u.length != fields.size()) {
            throw new IllegalArgumentException("m and u need one row per field (" + fields.size() + "), cannot be: "
                    + m.length + " and " + u.length);
        }
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, cannot be: " + lambda);
        }
    }

    /** log2(m/u) of one field's level, the evidence that level gives. */
    public double weight(int field, int level) {
        return log2(Math.max(m[field][level], FLOOR) / Math.max(u[field][level], FLOOR));
    }

    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    /**
     * Adds {@code w_<field>} for each field, {@code match_weight} and {@code match_probability} to pairs
     * that carry one {@code <field>} level column per field; built-in expressions only. When the pairs also
     * carry {@code tf_<field>} (the share of records holding the value both agree on), an exact agreement
     * weighs log2(m / share) instead of log2(m / u): the value's own frequency stands for u.
     */
    public Dataset<Row> score(Dataset<Row> pairs) {
        Dataset<Row> scored = pairs;
        Column total = lit(priorWeight());
        List<String> columns = List.of(pairs.columns());
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            Column weight = lit(0.0);
            for (int level = m[f].length - 1; level >= 0; level--) {
                weight = when(col(field).equalTo(level), lit(weight(f, level))).otherwise(weight);
            }
            if (columns.contains("tf_" + field)) {
                int top = m[f].length - 1;
                Column share = org.apache.spark.sql.functions.greatest(col("tf_" + field), lit(FLOOR));
                Column adjusted = org.apache.spark.sql.functions.log(2.0, lit(Math.max(m[f][top], FLOOR)).divide(share));
                weight = when(col(field).equalTo(top).and(col("tf_" + field).isNotNull()), adjusted).otherwise(weight);
            }
            scored = scored.withColumn("w_" + field, weight);
            total = total.plus(col("w_" + field));
        }
        return scored.withColumn("match_weight", total)
                .withColumn("match_probability", lit(1.0).divide(lit(1.0).plus(exp(col("match_weight")
                        .multiply(-Math.log(2))))));
    }

    /** Per field, per level: m, u and the weight, for explanations and reports. */
    public Map<String, List<String>> describe() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            List<String> levels = new ArrayList<>();
            for (int level = 0; level < m[f].length; level++) {
                levels.add(String.format(java.util.Locale.ROOT, "level %d: m=%.4f u=%.6f weight=%+.2f", level,
                        m[f][level], u[f][level], weight(f, level)));
            }
            out.put(fields.get(f), levels);
        }
        return out;
    }

    /** The model as JSON (fields, lambda, m, u, iterations), to keep between runs. */
    public String toJson() {
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("lambda", lambda).put("iterations", iterations);
        com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("fields");
        for (int f = 0; f < fields.size(); f++) {
            com.fasterxml.jackson.databind.node.ObjectNode field = list.addObject().put("field", fields.get(f));
            com.fasterxml.jackson.databind.node.ArrayNode ms = field.putArray("m");
            com.fasterxml.jackson.databind.node.ArrayNode us = field.putArray("u");
            for (int level = 0; level < m[f].length; level++) {
                ms.add(m[f][level]);
                us.add(u[f][level]);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model as JSON", e);
        }
    }

    /** A model written by {@link #toJson}. */
    public static MatchModel fromJson(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(json);
            List<String> names = new ArrayList<>();
            List<double[]> ms = new ArrayList<>();
            List<double[]> us = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode field : root.path("fields")) {
                names.add(field.path("field").asText());
                ms.add(doubles(field.path("m")));
                us.add(doubles(field.path("u")));
            }
            return new MatchModel(names, root.path("lambda").asDouble(), ms.toArray(double[][]::new),
                    us.toArray(double[][]::new), root.path("iterations").asInt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a match model written by Strata: " + e.getOriginalMessage(), e);
        }
    }

    private static double[] doubles(com.fasterxml.jackson.databind.JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MatchModel o && fields.equals(o.fields) && lambda == o.lambda
                && Arrays.deepEquals(m, o.m) && Arrays.deepEquals(u, o.u) && iterations == o.iterations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, lambda, Arrays.deepHashCode(m), Arrays.deepHashCode(u), iterations);
    }

    @Override
    public String toString() {
        return "MatchModel" + describe() + " lambda=" + lambda + " after " + iterations + " iterations";
    }
}
