package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Recency, frequency and monetary scores of customers and the segment they put a customer in.
 * <p>
 * <b>Scores</b> ({@code r_score}, {@code f_score}, {@code m_score}: int 1..5, 5 best) are quintiles over
 * the customers with a frequency above 0. The cut points are {@code approxQuantile} at 0.2, 0.4, 0.6 and
 * 0.8 with a relative error of 0.001 (one pass over the data, computed on the executors: no sort and no
 * window over all rows; up to tens of thousands of customers the cut points are exact, each an actual
 * value of the column). A score depends only on the value and the cut points, so equal values always get
 * equal scores: for frequency and monetary (higher is better) the score is 1 plus the number of cut points
 * strictly below the value, i.e. a value equal to a cut point falls in the lower quintile; recency (days,
 * fewer is better) is reversed: 5 minus the number of cut points strictly below it. With many ties (most
 * customers with 1 order) several cut points coincide and some scores stay unused: if 70% of customers
 * have 1 order, all of them get f_score 1 and the next score used is 4 or 5, never a split of equal
 * values. {@code rfm_score} is the three scores as a string ({@code "545"}).
 * <p>
 * <b>Segments</b> come from r_score and fm = the average of f_score and m_score rounded half up
 * ({@code (f + m + 1) / 2} in integers):
 * <table>
 * <caption>segment by r_score (rows) and fm (columns)</caption>
 * <tr><th>r \ fm</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr>
 * <tr><th>5</th><td>New Customers</td><td>Potential Loyalists</td><td>Potential Loyalists</td>
 *     <td>Champions</td><td>Champions</td></tr>
 * <tr><th>4</th><td>Promising</td><td>Potential Loyalists</td><td>Potential Loyalists</td>
 *     <td>Loyal Customers</td><td>Champions</td></tr>
 * <tr><th>3</th><td>About To Sleep</td><td>About To Sleep</td><td>Need Attention</td>
 *     <td>Loyal Customers</td><td>Loyal Customers</td></tr>
 * <tr><th>2</th><td>Hibernating</td><td>Hibernating</td><td>At Risk</td><td>At Risk</td>
 *     <td>At Risk</td></tr>
 * <tr><th>1</th><td>Lost</td><td>Lost</td><td>At Risk</td><td>At Risk</td><td>Can't Lose Them</td></tr>
 * </table>
 * That is: Champions (r 5 and fm 4-5, or r 4 and fm 5); Loyal Customers (r 3-4, fm 4-5, not Champions);
 * Potential Loyalists (r 4-5, fm 2-3); New Customers (r 5, fm 1); Promising (r 4, fm 1); Need Attention
 * (r 3, fm 3); About To Sleep (r 3, fm 1-2); Can't Lose Them (r 1, fm 5); At Risk (r 1-2, fm 3-5, not
 * Can't Lose Them); Hibernating (r 2, fm 1-2); Lost (r 1, fm 1-2).
 * <p>
 * A customer whose frequency is 0 or null has every score and {@code rfm_score} null and the segment
 * {@value #NO_PURCHASES}. A buyer whose recency or monetary value is null (or NaN) has that score null,
 * and {@code rfm_score} and segment null. Output columns that already exist are replaced.
 * {@link #apply} runs one Spark job for the cut points; cache the input if it is expensive to compute.
 */
public final class RfmSegments {

    /** The segment of a customer without purchases. */
    public static final String NO_PURCHASES = "No purchases";

    static final double RELATIVE_ERROR = 0.001;
    private static final double[] QUINTILES = {0.2, 0.4, 0.6, 0.8};

    private static final String CHAMPIONS = "Champions";
    private static final String LOYAL = "Loyal Customers";
    private static final String POTENTIAL = "Potential Loyalists";
    private static final String NEW = "New Customers";
    private static final String PROMISING = "Promising";
    private static final String NEED_ATTENTION = "Need Attention";
    private static final String ABOUT_TO_SLEEP = "About To Sleep";
    private static final String CANT_LOSE = "Can't Lose Them";
    private static final String AT_RISK = "At Risk";
    private static final String HIBERNATING = "Hibernating";
    private static final String LOST = "Lost";

    /** SEGMENTS[r - 1][fm - 1], the table of the class documentation (written there with r = 5 on top). */
    private static final String[][] SEGMENTS = {
        {LOST, LOST, AT_RISK, AT_RISK, CANT_LOSE},                                  // r 1
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, AT_RISK},                      // r 2
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},             // r 3
        {PROMISING, POTENTIAL, POTENTIAL, LOYAL, CHAMPIONS},                        // r 4
        {NEW, POTENTIAL, POTENTIAL, CHAMPIONS, CHAMPIONS},                          // r 5
    };

    private final String recencyColumn;
    private final String frequencyColumn;
    private final String monetaryColumn;

    /**
     * @param recencyColumn days since the last purchase (int or long; fewer is better)
     * @param frequencyColumn the number of purchases
     * @param monetaryColumn the amount spent (numeric)
     */
    public RfmSegments(String recencyColumn, String frequencyColumn, String monetaryColumn) {
        this.recencyColumn = Objects.requireNonNull(recencyColumn, "recencyColumn is null");
        this.frequencyColumn = Objects.requireNonNull(frequencyColumn, "frequencyColumn is null");
        this.monetaryColumn = Objects.requireNonNull(monetaryColumn, "monetaryColumn is null");
        List<String> names = List.of(recencyColumn, frequencyColumn, monetaryColumn);
        if (names.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("recency, frequency and monetary columns must be named, cannot be "
                    + "blank: " + names);
        }
        if (new HashSet<>(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList()).size() != 3) {
            throw new IllegalArgumentException("recency, frequency and monetary columns must be three different "
                    + "columns, cannot be: " + names);
        }
    }

    /**
     * Adds {@code r_score}, {@code f_score}, {@code m_score} (int 1..5, 5 best, null without purchases),
     * {@code rfm_score} (string such as {@code "545"}) and {@code segment} (string).
     */
    public Dataset<Row> apply(Dataset<Row> customers) {
        Objects.requireNonNull(customers, "customers is null");
        List<String> required = List.of(recencyColumn, frequencyColumn, monetaryColumn);
        List<String> found = List.of(customers.columns());
        for (String name : required) {
            StructField field = found.contains(name) ? customers.schema().apply(name) : null;
            if (field == null) {
                throw new IllegalArgumentException("customers must have the column " + name + "; required: "
                        + required + ", found: " + found);
            }
            if (!(field.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("column " + name + " must be numeric, cannot be: "
                        + field.dataType().simpleString());
            }
        }
        Column recency = quoted(recencyColumn);
        Column frequency = quoted(frequencyColumn);
        Column monetary = quoted(monetaryColumn);
        Column buyer = frequency.gt(0);   // null frequency: null, not a buyer

        // the cut points: one aggregation over the buyers, on the executors
        double[][] cuts = customers.where(buyer)
                .select(recency.cast(DataTypes.DoubleType).as("r"), frequency.cast(DataTypes.DoubleType).as("f"),
                        monetary.cast(DataTypes.DoubleType).as("m"))
                .stat().approxQuantile(new String[] {"r", "f", "m"}, QUINTILES, RELATIVE_ERROR);

        Column r = when(buyer, lit(6).minus(score(recency, cuts[0])));
        Column f = when(buyer, score(frequency, cuts[1]));
        Column m = when(buyer, score(monetary, cuts[2]));
        return customers.withColumn("r_score", r.cast(DataTypes.IntegerType))
                .withColumn("f_score", f.cast(DataTypes.IntegerType))
                .withColumn("m_score", m.cast(DataTypes.IntegerType))
                .withColumn("rfm_score", concat(col("r_score").cast(DataTypes.StringType),
                        col("f_score").cast(DataTypes.StringType), col("m_score").cast(DataTypes.StringType)))
                .withColumn("segment", when(buyer, segment(col("r_score"), fm(col("f_score"), col("m_score"))))
                        .otherwise(lit(NO_PURCHASES)));
    }

    /** The segment of r_score {@code r} and fm {@code fm} (both 1..5), as the class table gives it. */
    public static String segment(int r, int fm) {
        if (r < 1 || r > 5 || fm < 1 || fm > 5) {
            throw new IllegalArgumentException("r and fm must be scores from 1 to 5, cannot be: r=" + r + ", fm="
                    + fm);
        }
        return SEGMENTS[r - 1][fm - 1];
    }

    /** fm of an f_score and an m_score: their average rounded half up. */
    public static int fm(int f, int m) {
        return (f + m + 1) / 2;
    }

    /** The segment column of score columns {@code r} and {@code fm}; null when either is null. */
    static Column segment(Column r, Column fm) {
        List<Column> table = new ArrayList<>();
        for (String[] row : SEGMENTS) {
            for (String name : row) {
                table.add(lit(name));
            }
        }
        Column index = r.minus(1).multiply(5).plus(fm);
        return when(r.between(1, 5).and(fm.between(1, 5)), element_at(array(table.toArray(Column[]::new)), index));
    }

    static Column fm(Column f, Column m) {
        return f.plus(m).plus(1).divide(2).cast(DataTypes.IntegerType);
    }

    /**
     * 1 plus the number of cut points strictly below the value (1..5); null for a null or NaN value, or
     * when there are no cut points (no buyer has a value).
     */
    private static Column score(Column value, double[] cutPoints) {
        if (cutPoints.length != QUINTILES.length) {
            return lit(null).cast(DataTypes.IntegerType);
        }
        Column v = value.cast(DataTypes.DoubleType);
        Column score = lit(5);
        for (int i = cutPoints.length - 1; i >= 0; i--) {
            score = when(v.leq(cutPoints[i]), lit(i + 1)).otherwise(score);
        }
        return when(v.isNull().or(isnan(v)), lit(null).cast(DataTypes.IntegerType)).otherwise(score);
    }

    private static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
