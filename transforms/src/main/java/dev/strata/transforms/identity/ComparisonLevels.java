package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.levenshtein;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.soundex;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Comparison levels of two values as an integer column: -1 when either is missing, 0 for the least
 * similar, up to the highest level for an exact match. Built-in functions where Spark has them
 * (levenshtein, soundex, dates); Jaro–Winkler from Apache Commons Text, which Spark itself ships.
 */
public final class ComparisonLevels {

    // Java functions held as values (never names registered in a session). The similarity object is not
    // serializable: each call makes its own (it holds no state).
    private static final UserDefinedFunction JARO_WINKLER = udf((UDF2<String, String, Double>) (a, b) ->
            a == null || b == null ? null : new JaroWinklerSimilarity().apply(a, b), DataTypes.DoubleType)
            .withName("jaro_winkler");
    private static final UserDefinedFunction NICKNAME = udf((UDF2<String, String, Boolean>) (a, b) ->
            a == null || b == null ? null : Nicknames.related(a, b), DataTypes.BooleanType)
            .withName("nickname_related");
    private static final UserDefinedFunction NAME_FROM_EMAIL = udf(
            (UDF2<String, String, String>) ComparisonLevels::otherNameInEmail, DataTypes.StringType)
            .withName("name_from_email");
    // Levenshtein (built in) counts a swap of two neighbours as two edits; a typo level must count it as one
    private static final UserDefinedFunction ONE_EDIT = udf((UDF2<String, String, Boolean>) (a, b) ->
            a == null || b == null ? null : oneEditApart(a, b), DataTypes.BooleanType)
            .withName("one_edit_apart");

    public ComparisonLevels() {
    }

    /** 1 equal, 0 not, -1 missing. */
    public Column exact(Column left, Column right) {
        return missing(left, right, when(left.equalTo(right), lit(1)).otherwise(lit(0)));
    }

    /**
     * Exact (highest), then one level per Jaro–Winkler threshold, highest threshold first, then 0;
     * levels = thresholds + 2.
     */
    public Column jaroWinkler(Column left, Column right, double... thresholds) {
        checkDescending(thresholds);
        Column similarity = JARO_WINKLER.apply(left, right);
        Column level = lit(0);
        for (int i = thresholds.length - 1; i >= 0; i--) {
            level = when(similarity.geq(thresholds[i]), lit(thresholds.length - i)).otherwise(level);
        }
        return missing(left, right, when(left.equalTo(right), lit(thresholds.length + 1)).otherwise(level));
    }

    /**
     * Names: 3 equal; 2 one a nickname of the other (or both of one formal name, from the nickname table), or
     * Jaro–Winkler at least 0.92; 1 one typo apart (a letter inserted, deleted or replaced, or two next to
     * each other swapped); 0 otherwise. Short names that look alike are often two people (Mary and Amy of
     * one household score 0.81 Jaro–Winkler), so similarity alone does not make a typo. With the other
     * name field of both records ({@code leftOther}, {@code rightOther}; null columns for none), a pair whose given and family names
     * were swapped on one record gets the level of the crosswise comparison (the lower of the two crossings,
     * or the one crossing there is when a record lacks its other name) when it is higher.
     */
    public Column name(Column left, Column right, Column leftOther, Column rightOther) {
        Column straight = nameLevel(left, right);
        // the lower of the two crossings, or the one there is when the other name is missing on a side
        Column crossed = least(nameLevel(left, rightOther), nameLevel(leftOther, right));
        return missing(left, right, greatest(straight, crossed));
    }

    /** The name level of two present values, null when either is missing. */
    private static Column nameLevel(Column left, Column right) {
        Column similarity = JARO_WINKLER.apply(left, right);
        return when(left.isNull().or(right.isNull()), lit(null).cast("int"))
                .when(left.equalTo(right), lit(3))
                .when(NICKNAME.apply(left, right).or(similarity.geq(0.92)), lit(2))
                .when(ONE_EDIT.apply(left, right), lit(1))
                .otherwise(lit(0));
    }

    /**
     * The other part of a person's name as an email address spells it, given one part: {@code garcia} and
     * {@code brandon.garcia29@example.org} (or {@code brandongarcia@...}, {@code garciabrandon@...}) give
     * {@code brandon}. Null when the address does not hold the known part, or holds nothing else of two
     * letters or more (an initial, digits), or more than one other word.
     */
    static String otherNameInEmail(String known, String email) {
        if (known == null || email == null || known.length() < 2) {
            return null;
        }
        int at = email.indexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String part = known.replaceAll("[^a-z]", "");
        if (part.length() < 2) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : local.split("[^a-z]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.contains(part)) {
            List<String> others = words.stream().filter(w -> !w.equals(part) && w.length() >= 2).toList();
            return others.size() == 1 ? others.get(0) : null;
        }
        if (words.size() != 1) {
            return null;
        }
        String word = words.get(0);
        String rest = word.startsWith(part) ? word.substring(part.length())
                : word.endsWith(part) ? word.substring(0, word.length() - part.length()) : "";
        return rest.length() >= 2 ? rest : null;
    }

    /** Fills a missing name part from the email address when the other part is there (see {@link #otherNameInEmail}). */
    public Column nameFromEmail(Column own, Column other, Column email) {
        return org.apache.spark.sql.functions.coalesce(own, NAME_FROM_EMAIL.apply(other, email));
    }

    /**
     * True when {@code b} is {@code a} with one letter inserted, deleted or replaced, or two adjacent letters
     * swapped (an optimal string alignment distance of at most 1).
     */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            // replaced, or swapped with the next
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        // one inserted into the shorter
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /** Exact (highest), then one level per edit distance bound, smallest first, then 0. */
    public Column levenshteinBands(Column left, Column right, int... maxDistances) {
        Column distance = levenshtein(left, right);
        Column level = lit(0);
        for (int i = maxDistances.length - 1; i >= 0; i--) {
            level = when(distance.leq(maxDistances[i]), lit(maxDistances.length - i)).otherwise(level);
        }
        return missing(left, right, when(left.equalTo(right), lit(maxDistances.length + 1)).otherwise(level));
    }

    /** 2 exact, 1 sounds the same (Soundex), 0 neither. */
    public Column phonetic(Column left, Column right) {
        return missing(left, right, when(left.equalTo(right), lit(2))
                .when(soundex(left).equalTo(soundex(right)), lit(1)).otherwise(lit(0)));
    }

    /** Dates: 3 same day; 2 day and month swapped, or one part off; 1 same year; 0 otherwise. */
    public Column date(Column left, Column right) {
        Column sameYear = year(left).equalTo(year(right));
        Column sameMonth = month(left).equalTo(month(right));
        Column sameDay = dayofmonth(left).equalTo(dayofmonth(right));
        Column swapped = sameYear.and(month(left).equalTo(dayofmonth(right))).and(dayofmonth(left).equalTo(month(right)));
        Column twoOfThree = sameYear.and(sameMonth).or(sameYear.and(sameDay)).or(sameMonth.and(sameDay));
        return missing(left, right, when(left.equalTo(right), lit(3)).when(swapped.or(twoOfThree), lit(2))
                .when(sameYear, lit(1)).otherwise(lit(0)));
    }

    private static Column missing(Column left, Column right, Column level) {
        return when(left.isNull().or(right.isNull()), lit(-1)).otherwise(level);
    }

    private static void checkDescending(double[] thresholds) {
        for (int i = 0; i < thresholds.length; i++) {
            if (!(thresholds[i] > 0 && thresholds[i] < 1) || (i > 0 && thresholds[i] >= thresholds[i - 1])) {
                throw new IllegalArgumentException("thresholds must be between 0 and 1, highest first, cannot be: "
                        + java.util.Arrays.toString(thresholds));
            }
        }
    }
}
