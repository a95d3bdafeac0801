package dev.strata.transforms.identity;

import dev.strata.transforms.identity.IdentityResolver.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link IdentityResolver} does with records: one setting per key of a spec's {@code identity:} section,
 * under the same name (a YAML key {@code max_block_size} is {@code maxBlockSize} here), with the same defaults
 * ({@link #builder}). Built from a spec by the etl module's {@code IdentityPlan}, and from the bundled FEBRL spec
 * the same way.
 *
 * @param guarded identifier columns (a field declared {@code identifier: true}, and each deterministic rule's
 *     column) that lose every value more than {@code maxRecordsPerIdentifier} records share: test addresses and
 *     dummy numbers are treated as missing in links, blocks and comparisons, and reported
 * @param maxRecordsPerIdentifier {@code max_records_per_identifier}
 * @param deterministic {@code deterministic}: one column per rule (a rule of several fields is a column made of
 *     them all); records sharing a value are linked whatever else they say
 * @param blocking {@code blocking}: rules of columns that make two records a candidate pair
 * @param maxBlockSize {@code max_block_size}: a larger block of one rule makes no pairs
 * @param comparisons {@code comparisons}: the probabilistic model's fields
 * @param threshold {@code threshold}: the match probability from which a scored pair links
 * @param conflicts {@code conflicts}: compared fields whose lowest level (both values present and clearly
 *     different: another given name, another birth date) says two records are different people: such a pair is
 *     never linked by its score, and records so in conflict are kept in different clusters unless a
 *     deterministic key (or an earlier run's cluster) joins them. People of one household share address,
 *     surname, a landline, sometimes an email or a device; these fields tell them apart. Empty: plain connected
 *     components.
 * @param training {@code training}: rules to estimate m on, Splink's way: one EM session per rule, over the
 *     pairs that rule finds, with the comparisons of the rule's own columns left out (within a block they agree
 *     by construction); a field's m is the mean over the sessions that estimate it, and the model's lambda is
 *     then the probability that two records drawn at random match. Empty: one EM over all candidates, lambda
 *     being the share of matches among them.
 * @param frequencyAdjusted {@code frequency_adjusted}: compared fields whose exact agreement weighs by how
 *     common the value is (term frequency, as Splink does): agreeing on a rare surname says more than agreeing
 *     on Smith
 * @param uniqueNames {@code unique_names}, if any
 * @param namesFromEmail {@code names_from_email}, if any
 * @param linkAcross for linkage, the column naming each record's data set: only records of different data sets
 *     are paired, and two records of one data set never share a cluster (each data set is taken to hold an
 *     entity once); empty for deduplication (not a spec key: {@code strata identity evaluate} sets it when it
 *     is given two files)
 */
public record ResolutionPlan(List<String> guarded, long maxRecordsPerIdentifier, List<String> deterministic,
        List<List<String>> blocking, long maxBlockSize, List<Comparison> comparisons, double threshold,
        List<String> conflicts, List<List<String>> training, List<String> frequencyAdjusted,
        Optional<UniqueNames> uniqueNames, Optional<NamesFromEmail> namesFromEmail, Optional<String> linkAcross) {

    /** {@code max_records_per_identifier} when a spec gives none. */
    public static final long DEFAULT_MAX_RECORDS_PER_IDENTIFIER = 20;
    /** {@code max_block_size} when a spec gives none. */
    public static final long DEFAULT_MAX_BLOCK_SIZE = 2000;
    /** {@code threshold} when a spec gives none. */
    public static final double DEFAULT_THRESHOLD = 0.95;

    public ResolutionPlan {
        guarded = List.copyOf(guarded);
        deterministic = List.copyOf(deterministic);
        blocking = blocking.stream().map(List::copyOf).toList();
        comparisons = List.copyOf(comparisons);
        conflicts = List.copyOf(conflicts);
        training = training.stream().map(List::copyOf).toList();
        frequencyAdjusted = List.copyOf(frequencyAdjusted);
        Objects.requireNonNull(uniqueNames, "uniqueNames is null");
        Objects.requireNonNull(namesFromEmail, "namesFromEmail is null");
        Objects.requireNonNull(linkAcross, "linkAcross is null");
        if (maxRecordsPerIdentifier < 2) {
            throw new IllegalArgumentException("an identifier is junk above at least 2 records, max records per"
                    + " identifier cannot be: " + maxRecordsPerIdentifier);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("a block pairs at least 2 records, max block size cannot be: "
                    + maxBlockSize);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be a probability between 0 and 1, cannot be: "
                    + threshold);
        }
        List<String> compared = comparisons.stream().map(Comparison::field).toList();
        for (String field : conflicts) {
            if (!compared.contains(field)) {
                throw new IllegalArgumentException("a conflict field must be compared, " + field + " is not among "
                        + compared);
            }
        }
        for (String field : frequencyAdjusted) {
            if (!compared.contains(field)) {
                throw new IllegalArgumentException("a frequency-adjusted field must be compared, " + field
                        + " is not among " + compared);
            }
        }
    }

    /** This plan linking data sets that {@code column} names: only records of different ones are paired. */
    public ResolutionPlan linkingAcross(String column) {
        Objects.requireNonNull(column, "column is null");
        return new ResolutionPlan(guarded, maxRecordsPerIdentifier, deterministic, blocking, maxBlockSize, comparisons,
                threshold, conflicts, training, frequencyAdjusted, uniqueNames, namesFromEmail, Optional.of(column));
    }

    /** A plan comparing {@code comparisons}, every other setting at its default until set. */
    public static Builder builder(List<Comparison> comparisons) {
        return new Builder(comparisons);
    }

    /** The settings of a plan, each at the default a spec that leaves it out gets. */
    public static final class Builder {

        private final List<Comparison> comparisons;
        private List<String> guarded = List.of();
        private long maxRecordsPerIdentifier = DEFAULT_MAX_RECORDS_PER_IDENTIFIER;
        private List<String> deterministic = List.of();
        private List<List<String>> blocking = List.of();
        private long maxBlockSize = DEFAULT_MAX_BLOCK_SIZE;
        private double threshold = DEFAULT_THRESHOLD;
        private List<String> conflicts = List.of();
        private List<List<String>> training = List.of();
        private List<String> frequencyAdjusted = List.of();
        private Optional<UniqueNames> uniqueNames = Optional.empty();
        private Optional<NamesFromEmail> namesFromEmail = Optional.empty();
        private Optional<String> linkAcross = Optional.empty();

        private Builder(List<Comparison> comparisons) {
            this.comparisons = new ArrayList<>(Objects.requireNonNull(comparisons, "comparisons is null"));
        }

        public Builder guarded(List<String> value) {
            guarded = value;
            return this;
        }

        public Builder maxRecordsPerIdentifier(long value) {
            maxRecordsPerIdentifier = value;
            return this;
        }

        public Builder deterministic(List<String> value) {
            deterministic = value;
            return this;
        }

        public Builder blocking(List<List<String>> value) {
            blocking = value;
            return this;
        }

        public Builder maxBlockSize(long value) {
            maxBlockSize = value;
            return this;
        }

        public Builder threshold(double value) {
            threshold = value;
            return this;
        }

        public Builder conflicts(List<String> value) {
            conflicts = value;
            return this;
        }

        public Builder training(List<List<String>> value) {
            training = value;
            return this;
        }

        public Builder frequencyAdjusted(List<String> value) {
            frequencyAdjusted = value;
            return this;
        }

        public Builder uniqueNames(Optional<UniqueNames> value) {
            uniqueNames = value;
            return this;
        }

        public Builder namesFromEmail(Optional<NamesFromEmail> value) {
            namesFromEmail = value;
            return this;
        }

        public Builder linkAcross(Optional<String> value) {
            linkAcross = value;
            return this;
        }

        public ResolutionPlan build() {
            return new ResolutionPlan(guarded, maxRecordsPerIdentifier, deterministic, blocking, maxBlockSize,
                    comparisons, threshold, conflicts, training, frequencyAdjusted, uniqueNames, namesFromEmail,
                    linkAcross);
        }
    }
}
