package dev.strata.transforms.clean;

import dev.strata.transforms.geo.ReferencePoints;
import dev.strata.transforms.geo.Reprojection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The functions a derived column may call besides Spark SQL's built-in ones, for what Spark has no function of:
 *
 * <ul>
 *   <li>{@code st_transform(x, y, 'EPSG:2229', 'EPSG:4326')}: a position converted between coordinate reference
 *       systems by a projection library ({@link Reprojection}), as {@code struct<x double, y double>} (x the
 *       easting or longitude, y the northing or latitude); null when x or y is null or the conversion is not
 *       defined there.
 *   <li>{@code nearest_point('clean.zip_centroids', 'zip_code', latitude, longitude, 5)}: of the rows of a
 *       table (its {@code latitude} and {@code longitude} columns, WGS 84 degrees), the one nearest to the
 *       position within 5 km, as {@code struct<key string, distance_km double>} with the row's value of the
 *       named key column; null when none is that near or the position is missing. The table is read once per
 *       run, before the rows are (a reference table: ZIP code centroids, stations, depots).
 * </ul>
 *
 * <p>They are never registered in a session under a name: each call is replaced in the parsed expression by a
 * user-defined function held as a value, so two pipelines in one session cannot replace each other's.
 */
public final class DerivedFunctions {

    public static final String TRANSFORM = "st_transform";
    public static final String NEAREST = "nearest_point";
    public static final Set<String> NAMES = Set.of(TRANSFORM, NEAREST);

    private static final StructType POSITION = new StructType().add("x", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType);
    private static final StructType MATCH = new StructType().add("key", DataTypes.StringType)
            .add("distance_km", DataTypes.DoubleType);

    /** A table of points and the column of their keys, as a {@code nearest_point} call names them. */
    public record Reference(String table, String keyColumn) {
        public Reference {
            Objects.requireNonNull(table, "table is null");
            Objects.requireNonNull(keyColumn, "keyColumn is null");
        }
    }

    private final Map<Reference, ReferencePoints> references;

    /** @param references the points of each table that {@code nearest_point} calls name */
    public DerivedFunctions(Map<Reference, ReferencePoints> references) {
        this.references = Map.copyOf(Objects.requireNonNull(references, "references is null"));
    }

    public static boolean isDerivedFunction(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * What is wrong with the calls of these functions in an expression (argument count, arguments that must be
     * constants, unknown coordinate systems), one message each; empty when nothing is.
     */
    public static List<String> problems(String expression) {
        List<String> problems = new ArrayList<>();
        calls(expression, problems);
        return problems;
    }

    /** The reference tables that the expression's {@code nearest_point} calls read. */
    public static Set<Reference> references(String expression) {
        Set<Reference> references = new java.util.LinkedHashSet<>();
        for (List<Expression> args : calls(expression, new ArrayList<>())) {
            if (args.size() == 5) {
                references.add(referenceOf(args));
            }
        }
        return references;
    }

    /** The arguments of each call of {@code nearest_point} (checking every call of both functions). */
    private static List<List<Expression>> calls(String expression, List<String> problems) {
        List<List<Expression>> nearest = new ArrayList<>();
        Expression parsed;
        try {
            parsed = CatalystSqlParser$.MODULE$.parseExpression(expression);
        } catch (Exception e) {
            return nearest; // the parser's message is reported by the expression's own check
        }
        collect(parsed, nearest, problems);
        return nearest;
    }

    private static void collect(Expression node, List<List<Expression>> nearest, List<String> problems) {
        if (node instanceof UnresolvedFunction call && isDerivedFunction(name(call))) {
            List<Expression> args = DerivedColumns.asList(call.arguments());
            try {
                if (name(call).equals(TRANSFORM)) {
                    transformOf(args);
                } else {
                    referenceOf(args);
                    nearest.add(args);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        for (Expression child : DerivedColumns.asList(node.children())) {
            collect(child, nearest, problems);
        }
    }

    /** The expression with each call of these functions replaced by its user-defined function. */
    Expression rewrite(Expression node) {
        if (!(node instanceof UnresolvedFunction call) || !isDerivedFunction(name(call))) {
            return node;
        }
        List<Expression> args = DerivedColumns.asList(call.arguments());
        if (name(call).equals(TRANSFORM)) {
            Reprojection reprojection = transformOf(args);
            UserDefinedFunction udf = functions.udf((UDF2<Double, Double, Row>) (x, y) -> {
                double[] p = reprojection.apply(x, y);
                return p == null ? null : RowFactory.create(p[0], p[1]);
            }, POSITION).withName(TRANSFORM);
            return udf.apply(asDouble(args.get(0)), asDouble(args.get(1))).expr();
        }
        Reference reference = referenceOf(args);
        ReferencePoints points = references.get(reference);
        if (points == null) {
            throw new IllegalArgumentException(NEAREST + ": the points of " + reference.table() + " were not loaded");
        }
        double maxKm = maxKmOf(args);
        UserDefinedFunction udf = functions.udf((UDF2<Double, Double, Row>) (lat, lon) -> {
            ReferencePoints.Match m = points.nearest(lat, lon, maxKm);
            return m == null ? null : RowFactory.create(m.key(), m.distanceKm());
        }, MATCH).withName(NEAREST);
        return udf.apply(asDouble(args.get(2)), asDouble(args.get(3))).expr();
    }

    private static Column asDouble(Expression e) {
        return new Column(e).cast(DataTypes.DoubleType);
    }

    private static String name(UnresolvedFunction call) {
        return String.join(".", DerivedColumns.asList(call.nameParts())).toLowerCase(Locale.ROOT);
    }

    private static Reprojection transformOf(List<Expression> args) {
        if (args.size() != 4) {
            throw new IllegalArgumentException(TRANSFORM + " takes (x, y, 'FROM', 'TO'), e.g. " + TRANSFORM
                    + "(x_feet, y_feet, 'EPSG:2229', 'EPSG:4326'); it was given " + args.size() + " argument(s)");
        }
        return Reprojection.of(text(args.get(2), TRANSFORM + "'s third argument (the source system)"),
                text(args.get(3), TRANSFORM + "'s fourth argument (the target system)"));
    }

    private static Reference referenceOf(List<Expression> args) {
        if (args.size() != 5) {
            throw new IllegalArgumentException(NEAREST + " takes ('zone.table', 'key_column', latitude, longitude,"
                    + " max_km), e.g. " + NEAREST + "('clean.zip_centroids', 'zip_code', latitude, longitude, 5);"
                    + " it was given " + args.size() + " argument(s)");
        }
        maxKmOf(args);
        String table = text(args.get(0), NEAREST + "'s first argument (the reference table, zone.table)");
        if (!table.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(NEAREST + "'s first argument names a table as zone.table, e.g."
                    + " clean.zip_centroids, not '" + table + "'");
        }
        return new Reference(table, text(args.get(1), NEAREST + "'s second argument (the key column)"));
    }

    private static double maxKmOf(List<Expression> args) {
        if (args.get(4) instanceof Literal l && l.value() != null
                && l.dataType() instanceof org.apache.spark.sql.types.NumericType) {
            double km = Double.parseDouble(l.value().toString());
            if (km > 0) {
                return km;
            }
        }
        throw new IllegalArgumentException(NEAREST + "'s fourth argument is the largest distance in km to match,"
                + " a positive number such as 5, not " + args.get(4).sql());
    }

    private static String text(Expression e, String what) {
        if (e instanceof Literal l && l.value() != null && l.dataType() == DataTypes.StringType) {
            return l.value().toString();
        }
        throw new IllegalArgumentException(what + " must be a quoted constant, not " + e.sql());
    }
}
