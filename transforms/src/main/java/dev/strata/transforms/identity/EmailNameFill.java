package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;

import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The phase after the junk guard that reads blank name parts from emails, as {@link NamesFromEmail} says. */
final class EmailNameFill {

    private final NamesFromEmail names;
    private final ComparisonLevels levels;

    EmailNameFill(NamesFromEmail names, ComparisonLevels levels) {
        this.names = Objects.requireNonNull(names, "names is null");
        this.levels = Objects.requireNonNull(levels, "levels is null");
    }

    /**
     * The records as the resolver matches them: with {@link ResolutionPlan#namesFromEmail}, a name part missing is
     * taken from the email when it spells the other part with it; then a record still missing a part takes
     * the full name of records of {@code population} that its email's letters spell, when they spell no
     * other: both parts in either order for a record with neither ({@code maryhill}), the initial and the
     * family name for a record with the given name ({@code mhill7}), the given name alone for a record with
     * the family name ({@code mary0465}). Idempotent: a record with both parts is left as it is.
     */
    Dataset<Row> apply(Dataset<Row> records, Dataset<Row> population) {
        Column given = col(names.given());
        Column family = col(names.family());
        Dataset<Row> filled = oneNameFromEmail(records);
        Dataset<Row> known = (population == records ? filled : oneNameFromEmail(population))
                .where(given.isNotNull().and(family.isNotNull()))
                .select(given.as("strata_g"), family.as("strata_f")).distinct();
        Column g = regexp_replace(col("strata_g"), "[^a-z]", "");
        Column f = regexp_replace(col("strata_f"), "[^a-z]", "");
        known = known.where(length(g).geq(2).and(length(f).geq(2)));
        // the ways an address spells a known full name, and what a record must hold for it to count
        Dataset<Row> spellings = known.select(concat(g, f).as("strata_spelled"), lit(FULL).as("strata_form"),
                        col("strata_g"), col("strata_f"))
                .union(known.select(concat(f, g), lit(FULL), col("strata_g"), col("strata_f")))
                .union(known.select(concat(substring(g, 1, 1), f), lit(INITIAL_AND_FAMILY), col("strata_g"),
                        col("strata_f")))
                .union(known.select(g, lit(GIVEN_ALONE), col("strata_g"), col("strata_f")));
        Column ownGiven = col("strata_own_g");
        Column ownFamily = col("strata_own_f");
        Column form = col("strata_form");
        Dataset<Row> read = filled.where(given.isNull().or(family.isNull()).and(col(names.email()).isNotNull()))
                .select(col("record_id"), given.as("strata_own_g"), family.as("strata_own_f"),
                        regexp_replace(substring_index(substring_index(col(names.email()), "@", 1), "+", 1),
                                "[^a-z]", "").as("strata_spelled"))
                .join(spellings, "strata_spelled")
                .where(ownGiven.isNull().or(ownGiven.equalTo(col("strata_g")))
                        .and(ownFamily.isNull().or(ownFamily.equalTo(col("strata_f"))))
                        .and(form.equalTo(FULL).and(ownGiven.isNull()).and(ownFamily.isNull())
                                .or(form.equalTo(INITIAL_AND_FAMILY).and(ownGiven.isNotNull()))
                                .or(form.equalTo(GIVEN_ALONE).and(ownFamily.isNotNull()))))
                .groupBy(col("record_id"))
                .agg(countDistinct(col("strata_g"), col("strata_f")).as("strata_names"),
                        first(col("strata_g")).as("strata_g"), first(col("strata_f")).as("strata_f"))
                .where(col("strata_names").equalTo(1)).drop("strata_names");
        Column[] columns = java.util.Arrays.stream(filled.columns()).map(c -> col(c)).toArray(Column[]::new);
        return filled.join(read, "record_id", "left")
                .withColumn(names.given(), coalesce(given, col("strata_g")))
                .withColumn(names.family(), coalesce(family, col("strata_f")))
                .select(columns);
    }

    /** Spellings of a full name in an address: both parts (either order), for a record with neither. */
    private static final String FULL = "full";
    /** The given name's initial and the family name ({@code dharris}), for a record with the given name. */
    private static final String INITIAL_AND_FAMILY = "initial";
    /** The given name alone ({@code robert0465}), for a record with the family name. */
    private static final String GIVEN_ALONE = "given";

    private Dataset<Row> oneNameFromEmail(Dataset<Row> records) {
        Column given = col(names.given());
        Column family = col(names.family());
        Column email = col(names.email());
        return records.withColumn("strata_given_from_email", levels.nameFromEmail(given, family, email))
                .withColumn(names.family(), levels.nameFromEmail(family, given, email))
                .withColumn(names.given(), col("strata_given_from_email")).drop("strata_given_from_email");
    }
}
