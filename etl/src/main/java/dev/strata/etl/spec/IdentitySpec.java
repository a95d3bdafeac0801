package dev.strata.etl.spec;

import dev.strata.transforms.identity.NamesFromEmail;
import dev.strata.transforms.identity.UniqueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code identity:} section of a pipeline: which clean tables hold records of one kind of entity
 * (customers), how their columns map to standard fields, how records are linked, how a golden profile is
 * built and how its PII is protected in the curated zone.
 *
 * @param entity names the outputs: {@code clean.<entity>_records}, {@code curated.<entity>_xref},
 *     {@code _id_history}, {@code _links}, {@code _profile}, {@code _junk_identifiers}
 * @param fields every standard field, in declaration order
 * @param deterministic rules of fields that, all equal, link two records outright
 * @param blocking rules of fields that make two records a candidate pair
 * @param threshold match probability from which a scored pair links
 * @param maxClusterSize customers with more records are reported as possibly over-linked
 * @param orders where the profile's lifetime aggregates come from, if anywhere
 * @param conflicts compared fields whose clear disagreement keeps two records apart (unless a deterministic
 *     rule links them)
 * @param training blocking-like rules EM estimates m probabilities on, each leaving its own fields out
 * @param frequencyAdjusted fields whose agreement counts more on a rare value than on a common one
 * @param uniqueNames {@code unique_names:}, if given: the customers that alone hold a full name are linked when
 *     compatible (see {@link UniqueNames})
 * @param namesFromEmail {@code names_from_email:}, if given: where a missing name part is read from an email
 */
public record IdentitySpec(String entity, List<RecordSource> records, Map<String, Field> fields,
        long maxRecordsPerIdentifier, List<List<String>> deterministic, List<List<String>> blocking, long maxBlockSize,
        List<ComparisonSpec> comparisons, double threshold, long maxClusterSize, List<SurvivorshipSpec> survivorship,
        Optional<OrdersSpec> orders, List<String> conflicts, List<List<String>> training, List<String> frequencyAdjusted,
        Optional<UniqueNames> uniqueNames, Optional<NamesFromEmail> namesFromEmail) {

    /** What a field holds, which decides how it is standardised and masked. */
    public enum FieldType { GIVEN_NAME, NAME, EMAIL, PHONE, ADDRESS, POSTCODE, DATE, ID, TEXT }

    /** What the curated zone carries of a field. */
    public enum Protection { HASH, MASK, KEEP, DROP }

    /**
     * One source's records.
     *
     * @param source a source of this pipeline (its clean table is read)
     * @param key the column that identifies a record in that table
     * @param seenAt a timestamp column: when the record was last true (decides "most recent")
     * @param columns standard field to the source's column
     */
    public record RecordSource(String source, String key, String seenAt, Map<String, String> columns) {

        public RecordSource {
            Objects.requireNonNull(source, "source is null");
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(seenAt, "seenAt is null");
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /** A standard field: its type, whether it identifies a person on its own, and its protection. */
    public record Field(String name, FieldType type, boolean identifier, Protection pii) {

        public Field {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(pii, "pii is null");
        }
    }

    /**
     * One comparison of the probabilistic model: a field, a kind of comparison and, for names, the field it
     * is also compared with crosswise (first and last names swapped).
     */
    public record ComparisonSpec(String field, String kind, Optional<String> cross) {

        public ComparisonSpec(String field, String kind) {
            this(field, kind, Optional.empty());
        }
    }

    /** How one profile attribute survives: rule name and, for source_priority, the sources best first. */
    public record SurvivorshipSpec(String field, String rule, List<String> sources) {

        public SurvivorshipSpec {
            sources = List.copyOf(sources);
        }
    }

    /** The orders source of the profile aggregates. */
    public record OrdersSpec(String source, String amount, String at, Optional<String> channel) {
    }

    public IdentitySpec {
        Objects.requireNonNull(entity, "entity is null");
        records = List.copyOf(records);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        deterministic = deterministic.stream().map(List::copyOf).toList();
        blocking = blocking.stream().map(List::copyOf).toList();
        comparisons = List.copyOf(comparisons);
        survivorship = List.copyOf(survivorship);
        Objects.requireNonNull(orders, "orders is null");
        conflicts = List.copyOf(conflicts);
        training = training.stream().map(List::copyOf).toList();
        frequencyAdjusted = List.copyOf(frequencyAdjusted);
        Objects.requireNonNull(uniqueNames, "uniqueNames is null");
        Objects.requireNonNull(namesFromEmail, "namesFromEmail is null");
    }

    public String table(String suffix) {
        return entity + "_" + suffix;
    }

    /** The fields that identify a person (emails, phones, cards...), guarded against junk values. */
    public List<String> identifiers() {
        return fields.values().stream().filter(Field::identifier).map(Field::name).toList();
    }
}
