package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.identity.Survivorship.Attribute;
import dev.strata.transforms.identity.Survivorship.Rule;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHEMA = new StructType().add("customer_id", DataTypes.LongType)
            .add("source", DataTypes.StringType).add("seen_at", DataTypes.TimestampType)
            .add("email", DataTypes.StringType).add("name", DataTypes.StringType)
            .add("phone", DataTypes.StringType).add("city", DataTypes.StringType).add("age", DataTypes.IntegerType);

    private static final List<Attribute> ATTRIBUTES = List.of(new Attribute("email", Rule.MOST_RECENT),
            new Attribute("name", Rule.MOST_FREQUENT),
            new Attribute("phone", Rule.SOURCE_PRIORITY, List.of("crm", "pos")),
            new Attribute("city", Rule.LONGEST), new Attribute("age", Rule.MOST_RECENT));

    private static Timestamp at(String day) {
        return Timestamp.valueOf(day + " 00:00:00");
    }

    private Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Map<Long, Row> byCustomer(Dataset<Row> golden) {
        return golden.collectAsList().stream().collect(Collectors.toMap(r -> r.getLong(0), r -> r));
    }

    @Test
    void eachRulePicksItsValueAndReportsTheSource() {
        Dataset<Row> records = frame(List.of(
                RowFactory.create(1L, "crm", at("2024-01-01"), "a@x.com", "Ann", "111", "Denver", 38),
                RowFactory.create(1L, "web", at("2024-03-01"), "   ", " \t", null, "Boulder", null),
                RowFactory.create(1L, "pos", at("2024-02-01"), null, "Annabel", "222", "Denver", 39),
                RowFactory.create(1L, "web", at("2024-02-15"), "ann@x.com", "Ann", "333", null, 40),
                // customer 2: nothing usable in email and name; phone from unlisted sources only
                RowFactory.create(2L, "legacy", at("2023-05-01"), null, "", "444", "Paris", null),
                RowFactory.create(2L, "web", at("2023-06-01"), "", "  ", "555", "", null)));
        Dataset<Row> golden = new Survivorship(ATTRIBUTES).golden(records);

        assertThat(golden.columns()).containsExactly("customer_id", "email", "email_source", "name", "name_source",
                "phone", "phone_source", "city", "city_source", "age", "age_source");
        assertThat(golden.schema().apply("age").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(golden.schema().apply("email_source").dataType()).isEqualTo(DataTypes.StringType);
        Map<Long, Row> rows = byCustomer(golden);
        assertThat(rows).hasSize(2);
        // the latest record's email is blank: the next most recent usable one survives
        assertThat(rows.get(1L).toSeq().mkString("|")).isEqualTo(
                "1|ann@x.com|web|Ann|web|111|crm|Boulder|web|40|web");
        // Ann is held by crm and web: the source of its most recent record is reported
        assertThat(rows.get(2L).toSeq().mkString("|")).isEqualTo(
                "2|null|null|null|null|555|web|Paris|legacy|null|null");
    }

    @Test
    void mostFrequentBeatsMoreRecentAndItsTiesGoToTheLatest() {
        Dataset<Row> records = frame(List.of(
                RowFactory.create(1L, "a", at("2024-01-01"), null, "Bob", null, null, null),
                RowFactory.create(1L, "b", at("2024-01-02"), null, "Bob", null, null, null),
                RowFactory.create(1L, "c", at("2024-06-01"), null, "Robert", null, null, null),
                // customer 2: Liz and Beth twice each; Beth's latest record is the later one
                RowFactory.create(2L, "a", at("2024-01-01"), null, "Liz", null, null, null),
                RowFactory.create(2L, "b", at("2024-03-01"), null, "Liz", null, null, null),
                RowFactory.create(2L, "a", at("2024-02-01"), null, "Beth", null, null, null),
                RowFactory.create(2L, "c", at("2024-04-01"), null, "Beth", null, null, null),
                RowFactory.create(2L, "d", at("2024-09-01"), null, "Elizabeth", null, null, null)));
        Map<Long, Row> rows = byCustomer(new Survivorship(List.of(new Attribute("name", Rule.MOST_FREQUENT)))
                .golden(records));
        assertThat(rows.get(1L).toSeq().mkString("|")).isEqualTo("1|Bob|b");
        assertThat(rows.get(2L).toSeq().mkString("|")).isEqualTo("2|Beth|c");
    }

    @Test
    void sourcePriorityRanksListedSourcesFirstThenMostRecent() {
        Attribute phone = new Attribute("phone", Rule.SOURCE_PRIORITY, List.of("crm", "pos"));
        Dataset<Row> records = frame(List.of(
                RowFactory.create(1L, "web", at("2024-09-01"), null, null, "1", null, null),
                RowFactory.create(1L, "pos", at("2024-01-01"), null, null, "2", null, null),
                RowFactory.create(1L, "crm", at("2023-01-01"), null, null, " ", null, null),
                RowFactory.create(1L, "pos", at("2024-02-01"), null, null, "3", null, null),
                RowFactory.create(2L, "crm", at("2020-01-01"), null, null, "4", null, null),
                RowFactory.create(2L, "pos", at("2024-01-01"), null, null, "5", null, null),
                RowFactory.create(3L, "web", at("2024-01-01"), null, null, "6", null, null),
                RowFactory.create(3L, null, at("2024-05-01"), null, null, "7", null, null)));
        Map<Long, Row> rows = byCustomer(new Survivorship(List.of(phone)).golden(records));
        assertThat(rows.get(1L).toSeq().mkString("|")).isEqualTo("1|3|pos"); // crm's value is blank
        assertThat(rows.get(2L).toSeq().mkString("|")).isEqualTo("2|4|crm");
        assertThat(rows.get(3L).toSeq().mkString("|")).isEqualTo("3|7|null"); // unlisted alike: most recent
    }

    @Test
    void longestMeasuresTheStringFormAndTiesGoToTheMostRecent() {
        Dataset<Row> records = frame(List.of(
                RowFactory.create(1L, "a", at("2024-01-01"), null, null, null, "Rome", 5),
                RowFactory.create(1L, "b", at("2024-02-01"), null, null, null, "Oslo", 123),
                RowFactory.create(1L, "c", at("2023-01-01"), null, null, null, "Bonn", 45)));
        Map<Long, Row> rows = byCustomer(new Survivorship(List.of(new Attribute("city", Rule.LONGEST),
                new Attribute("age", Rule.LONGEST))).golden(records));
        assertThat(rows.get(1L).toSeq().mkString("|")).isEqualTo("1|Oslo|b|123|b");
    }

    @Test
    void remainingTiesGoToTheFirstSourceNameThenTheFirstValue() {
        Timestamp same = at("2024-01-01");
        Dataset<Row> records = frame(List.of(
                RowFactory.create(1L, "zeta", same, "z@x.com", "Zed", null, null, null),
                RowFactory.create(1L, "alpha", same, "a@x.com", "Al", null, null, null),
                RowFactory.create(1L, null, same, "n@x.com", "Nil", null, null, null),
                RowFactory.create(2L, "crm", same, "q@x.com", null, null, null, null),
                RowFactory.create(2L, "crm", same, "p@x.com", null, null, null, null),
                // an undated record is older than every dated one
                RowFactory.create(3L, "aaa", null, "old@x.com", null, null, null, null),
                RowFactory.create(3L, "zzz", at("1990-01-01"), "dated@x.com", null, null, null, null)));
        Map<Long, Row> rows = byCustomer(new Survivorship(List.of(new Attribute("email", Rule.MOST_RECENT),
                new Attribute("name", Rule.MOST_FREQUENT))).golden(records));
        assertThat(rows.get(1L).toSeq().mkString("|")).isEqualTo("1|a@x.com|alpha|Al|alpha");
        assertThat(rows.get(2L).toSeq().mkString("|")).isEqualTo("2|p@x.com|crm|null|null");
        assertThat(rows.get(3L).toSeq().mkString("|")).isEqualTo("3|dated@x.com|zzz|null|null");
    }

    @Test
    void resultDoesNotDependOnRowOrderOrPartitioningAndMatchesAReference() {
        // few sources, days and values: ties everywhere
        Random random = new Random(42);
        String[] sources = {"crm", "pos", "web", "app", null};
        String[] names = {"Ann", "Anna", "Anne", "", " ", null};
        String[] cities = {"Rome", "Oslo", "Lyon", "Bern", "Nice", null};
        List<Row> input = new ArrayList<>();
        for (long customer = 1; customer <= 150; customer++) {
            int records = 1 + random.nextInt(8);
            for (int i = 0; i < records; i++) {
                Timestamp seen = random.nextInt(10) == 0 ? null : at("2024-0" + (1 + random.nextInt(3)) + "-01");
                input.add(RowFactory.create(customer, sources[random.nextInt(sources.length)], seen,
                        random.nextInt(5) == 0 ? null : "e" + random.nextInt(3) + "@x.com",
                        names[random.nextInt(names.length)], random.nextInt(4) == 0 ? null : "p" + random.nextInt(3),
                        cities[random.nextInt(cities.length)], random.nextInt(4) == 0 ? null : random.nextInt(4)));
            }
        }
        Survivorship survivorship = new Survivorship(List.of(new Attribute("email", Rule.MOST_RECENT),
                new Attribute("name", Rule.MOST_FREQUENT),
                new Attribute("phone", Rule.SOURCE_PRIORITY, List.of("pos", "crm")),
                new Attribute("city", Rule.LONGEST), new Attribute("age", Rule.MOST_FREQUENT)));
        Dataset<Row> records = frame(input);
        List<String> expected = reference(input, survivorship.attributes());

        assertThat(sorted(survivorship.golden(records))).isEqualTo(expected);
        assertThat(sorted(survivorship.golden(records.orderBy(rand(7)).repartition(7)))).isEqualTo(expected);
        assertThat(sorted(survivorship.golden(records.orderBy(col("customer_id").desc(), col("seen_at").asc_nulls_first())
                .coalesce(1)))).isEqualTo(expected);
        List<Row> reversed = new ArrayList<>(input);
        java.util.Collections.reverse(reversed);
        assertThat(sorted(survivorship.golden(frame(reversed).repartition(3)))).isEqualTo(expected);
    }

    @Test
    void allAttributesShareOneShuffle() {
        Dataset<Row> golden = new Survivorship(ATTRIBUTES).golden(frame(List.of(
                RowFactory.create(1L, "crm", at("2024-01-01"), "a@x.com", "Ann", "111", "Denver", 38))));
        String plan = golden.queryExecution().executedPlan().toString();
        // MOST_FREQUENT windows and the groupBy all reuse the one hash partitioning by customer_id
        assertThat(plan.split("Exchange hashpartitioning", -1)).as(plan).hasSize(2);
        assertThat(plan).doesNotContain("SortMergeJoin", "BroadcastHashJoin");
    }

    private static List<String> sorted(Dataset<Row> golden) {
        return golden.collectAsList().stream().sorted(Comparator.comparingLong(r -> r.getLong(0)))
                .map(r -> r.toSeq().mkString("|")).toList();
    }

    /** The rules in plain Java, row by row. */
    private static List<String> reference(List<Row> input, List<Attribute> attributes) {
        Map<Long, List<Row>> byCustomer = new TreeMap<>();
        input.forEach(r -> byCustomer.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r));
        List<String> out = new ArrayList<>();
        byCustomer.forEach((customer, rows) -> {
            List<Object> golden = new ArrayList<>(List.of(customer));
            for (Attribute a : attributes) {
                int index = SCHEMA.fieldIndex(a.column());
                List<Row> usable = rows.stream().filter(r -> !r.isNullAt(index)
                        && !(r.get(index) instanceof String s && s.isBlank())).toList();
                Map<String, Long> counts = new HashMap<>();
                usable.forEach(r -> counts.merge(String.valueOf(r.get(index)), 1L, Long::sum));
                Comparator<Row> order = switch (a.rule()) {
                    case MOST_RECENT -> Comparator.comparingInt(r -> 0);
                    case MOST_FREQUENT -> Comparator.comparingLong(r -> -counts.get(String.valueOf(r.get(index))));
                    case SOURCE_PRIORITY -> Comparator.comparingInt(r -> {
                        int rank = r.isNullAt(1) ? -1 : a.sourcePriority().indexOf(r.getString(1)); // List.of rejects null
                        return rank < 0 ? a.sourcePriority().size() : rank;
                    });
                    case LONGEST -> Comparator.comparingInt(r -> -String.valueOf(r.get(index)).length());
                };
                order = order.thenComparingLong(r -> r.isNullAt(2) ? Long.MAX_VALUE : -r.getTimestamp(2).getTime())
                        .thenComparing(r -> r.getString(1), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(r -> String.valueOf(r.get(index)));
                Row best = usable.stream().min(order).orElse(null);
                golden.add(best == null ? null : best.get(index));
                golden.add(best == null ? null : best.getString(1));
            }
            out.add(golden.stream().map(String::valueOf).collect(Collectors.joining("|")));
        });
        return out;
    }

    @Test
    void missingColumnsAreNamedWithWhatIsRequired() {
        Dataset<Row> records = frame(List.of()).drop("seen_at");
        assertThatThrownBy(() -> new Survivorship(ATTRIBUTES).golden(records))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seen_at")
                .hasMessageContaining("required: [customer_id, source, seen_at, email, name, phone, city, age]");
        Dataset<Row> noCity = frame(List.of()).drop("city");
        assertThatThrownBy(() -> new Survivorship(ATTRIBUTES).golden(noCity))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the column city");
        Dataset<Row> textSeen = frame(List.of()).withColumn("seen_at", col("seen_at").cast("string"));
        assertThatThrownBy(() -> new Survivorship(ATTRIBUTES).golden(textSeen))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seen_at must be a timestamp");
    }

    @Test
    void emptyInputGivesAnEmptyResultWithTheColumns() {
        Dataset<Row> golden = new Survivorship(ATTRIBUTES).golden(frame(List.of()));
        assertThat(golden.count()).isZero();
        assertThat(golden.schema().apply("age").dataType()).isEqualTo(DataTypes.IntegerType);
    }

    @Test
    void attributesAreValidated() {
        assertThatThrownBy(() -> new Attribute("phone", Rule.SOURCE_PRIORITY, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one source");
        assertThatThrownBy(() -> new Attribute("phone", Rule.SOURCE_PRIORITY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribute("phone", Rule.SOURCE_PRIORITY, List.of("crm", "crm")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each source once");
        assertThatThrownBy(() -> new Attribute("phone", Rule.LONGEST, List.of("crm")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only for rule SOURCE_PRIORITY");
        assertThatThrownBy(() -> new Attribute("phone", Rule.SOURCE_PRIORITY, Arrays.asList("crm", null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attribute(null, Rule.LONGEST)).hasMessage("column is null");
        assertThatThrownBy(() -> new Attribute("phone", null)).hasMessage("rule is null");
        assertThatThrownBy(() -> new Attribute(" ", Rule.LONGEST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribute("seen_at", Rule.LONGEST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Attribute("phone", Rule.LONGEST, null).sourcePriority()).isEmpty();

        assertThatThrownBy(() -> new Survivorship(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Survivorship(List.of(new Attribute("email", Rule.LONGEST),
                new Attribute("email", Rule.MOST_RECENT)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new Survivorship(List.of(new Attribute("email", Rule.LONGEST),
                new Attribute("email_source", Rule.MOST_RECENT)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email_source");
    }
}
