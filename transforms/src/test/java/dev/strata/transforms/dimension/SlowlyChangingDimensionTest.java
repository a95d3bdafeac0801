package dev.strata.transforms.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.spark.DataFrameAssertions;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SlowlyChangingDimensionTest {

    private static final Timestamp T0 = Timestamp.valueOf("2025-12-01 00:00:00");
    private static final Timestamp T1 = Timestamp.valueOf("2026-01-01 00:00:00");
    private static final Timestamp T2 = Timestamp.valueOf("2026-02-01 00:00:00");
    private static final Timestamp T3 = Timestamp.valueOf("2026-03-01 00:00:00");

    private static final StructType SNAPSHOT = new StructType()
            .add("customer_id", DataTypes.IntegerType)
            .add("name", DataTypes.StringType)
            .add("city", DataTypes.StringType);
    private static final StructType DIMENSION = SNAPSHOT
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType)
            .add("is_current", DataTypes.BooleanType);

    private final SparkSession spark = SparkTestSession.get();
    private final DataFrameAssertions frames = DataFrameAssertions.over(spark);
    private final SlowlyChangingDimension dimension =
            new SlowlyChangingDimension(List.of("customer_id"), List.of("name", "city"));

    private Dataset<Row> snapshot(Object[]... rows) {
        return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), SNAPSHOT);
    }

    private Dataset<Row> dimension(Object[]... rows) {
        return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), DIMENSION);
    }

    private static Object[] customer(Object... values) {
        return values;
    }

    private static Object[] version(Object id, String name, String city, Timestamp from, Timestamp to, boolean current) {
        return new Object[] {id, name, city, from, to, current};
    }

    private static Row row(Object... values) {
        return RowFactory.create(values);
    }

    private static Row[] rows(Object[]... values) {
        return Arrays.stream(values).map(RowFactory::create).toArray(Row[]::new);
    }

    private void assertTable(Dataset<Row> actual, Row... expected) {
        assertThat(actual.columns()).containsExactly("customer_id", "name", "city", "valid_from", "valid_to", "is_current");
        frames.assertEqualsInAnyOrder(spark.createDataFrame(List.of(expected), actual.schema()), actual);
    }

    @Test
    void firstLoadMakesEveryRowACurrentVersion() {
        Dataset<Row> incoming = snapshot(customer(1, "Ann", "Denver"), customer(2, "Bob", null));

        Dataset<Row> loaded = dimension.initial(incoming, T1);

        assertTable(loaded,
                row(1, "Ann", "Denver", T1, null, true),
                row(2, "Bob", null, T1, null, true));
        assertThat(loaded.schema().apply("valid_to").dataType()).isEqualTo(DataTypes.TimestampType);
    }

    @Test
    void changesAcceptsAnEmptyCurrentDimension() {
        Dataset<Row> incoming = snapshot(customer(1, "Ann", "Denver"), customer(2, "Bob", null));
        Row[] expected = rows(version(1, "Ann", "Denver", T1, null, true), version(2, "Bob", null, T1, null, true));

        assertTable(dimension.changes(spark.emptyDataFrame(), incoming, T1), expected);
        assertTable(dimension.changes(dimension(), incoming, T1), expected);
    }

    @Test
    void noChangeKeepsTheTableAsItIs() {
        Object[][] table = {
                version(1, "Ann", "Boulder", T0, T1, false),
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", null, T1, null, true)};

        Dataset<Row> next = dimension.changes(dimension(table), snapshot(customer(1, "Ann", "Denver"),
                customer(2, "Bob", null)), T2);

        assertTable(next, rows(table));
    }

    @Test
    void anAttributeChangeClosesTheCurrentVersionAndOpensANewOne() {
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", "Aurora", T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(1, "Ann", "Lakewood"),
                customer(2, "Bob", "Aurora")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T1, T2, false),
                row(1, "Ann", "Lakewood", T2, null, true),
                row(2, "Bob", "Aurora", T1, null, true));
    }

    @Test
    void aNewKeyGetsACurrentVersion() {
        Dataset<Row> current = dimension(version(1, "Ann", "Denver", T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(1, "Ann", "Denver"),
                customer(3, "Cyd", "Golden")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T1, null, true),
                row(3, "Cyd", "Golden", T2, null, true));
    }

    @Test
    void aKeyMissingFromTheSnapshotIsClosed() {
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", "Aurora", T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(1, "Ann", "Denver")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T1, null, true),
                row(2, "Bob", "Aurora", T1, T2, false));
    }

    @Test
    void aKeyMissingFromTheSnapshotStaysCurrentWhenCloseMissingIsOff() {
        SlowlyChangingDimension keepMissing =
                new SlowlyChangingDimension(List.of("customer_id"), List.of("name", "city"), false);
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", "Aurora", T1, null, true));

        Dataset<Row> next = keepMissing.changes(current, snapshot(customer(1, "Ann", "Golden")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T1, T2, false),
                row(1, "Ann", "Golden", T2, null, true),
                row(2, "Bob", "Aurora", T1, null, true));
        assertThat(keepMissing.closeMissing()).isFalse();
        assertThat(dimension.closeMissing()).isTrue();
    }

    @Test
    void aKeyThatReturnsGetsANewVersionAndItsHistoryStays() {
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T0, T1, false),
                version(2, "Bob", "Aurora", T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(1, "Ann", "Denver"),
                customer(2, "Bob", "Aurora")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T0, T1, false),
                row(1, "Ann", "Denver", T2, null, true),
                row(2, "Bob", "Aurora", T1, null, true));
    }

    @Test
    void closedVersionsPassThroughUntouched() {
        Dataset<Row> current = dimension(
                version(1, "Ann", "Boulder", T0, T1, false),
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", "Aurora", T0, T1, false));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(1, "Ann", "Lakewood")), T2);

        assertTable(next,
                row(1, "Ann", "Boulder", T0, T1, false),
                row(1, "Ann", "Denver", T1, T2, false),
                row(1, "Ann", "Lakewood", T2, null, true),
                row(2, "Bob", "Aurora", T0, T1, false));
    }

    @Test
    void reRunningWithTheSameSnapshotLaterGivesTheSameTable() {
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T1, null, true),
                version(2, "Bob", "Aurora", T1, null, true),
                version(4, "Dee", null, T1, null, true));
        Dataset<Row> incoming = snapshot(customer(1, "Ann", "Lakewood"), customer(3, "Cyd", "Golden"),
                customer(4, "Dee", null));

        Dataset<Row> once = dimension.changes(current, incoming, T2);
        Dataset<Row> twice = dimension.changes(once, incoming, T3);

        Row[] expected = rows(
                version(1, "Ann", "Denver", T1, T2, false),
                version(1, "Ann", "Lakewood", T2, null, true),
                version(2, "Bob", "Aurora", T1, T2, false),
                version(3, "Cyd", "Golden", T2, null, true),
                version(4, "Dee", null, T1, null, true));
        assertTable(once, expected);
        assertTable(twice, expected);
        frames.assertEqualsInAnyOrder(once, twice);
    }

    @Test
    void comparesTrackedColumnsNullSafely() {
        Dataset<Row> current = dimension(
                version(1, "Ann", null, T1, null, true),
                version(2, "Bob", null, T1, null, true),
                version(3, "Cyd", "Golden", T1, null, true),
                version(4, null, null, T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(
                customer(1, "Ann", null),
                customer(2, "Bob", "Aurora"),
                customer(3, "Cyd", null),
                customer(4, null, null)), T2);

        assertTable(next,
                row(1, "Ann", null, T1, null, true),
                row(2, "Bob", null, T1, T2, false),
                row(2, "Bob", "Aurora", T2, null, true),
                row(3, "Cyd", "Golden", T1, T2, false),
                row(3, "Cyd", null, T2, null, true),
                row(4, null, null, T1, null, true));
    }

    @Test
    void matchesNullKeysNullSafely() {
        Dataset<Row> current = dimension(version(null, "Nobody", "Denver", T1, null, true));

        Dataset<Row> next = dimension.changes(current, snapshot(customer(null, "Nobody", "Denver")), T2);

        assertTable(next, row(null, "Nobody", "Denver", T1, null, true));
    }

    @Test
    void untrackedColumnsDoNotMakeAVersion() {
        SlowlyChangingDimension nameOnly = new SlowlyChangingDimension(List.of("customer_id"), List.of("name"));
        Dataset<Row> current = dimension(version(1, "Ann", "Denver", T1, null, true));

        Dataset<Row> moved = nameOnly.changes(current, snapshot(customer(1, "Ann", "Golden")), T2);
        Dataset<Row> renamed = nameOnly.changes(current, snapshot(customer(1, "Anne", "Golden")), T2);

        assertTable(moved, row(1, "Ann", "Denver", T1, null, true));
        assertTable(renamed,
                row(1, "Ann", "Denver", T1, T2, false),
                row(1, "Anne", "Golden", T2, null, true));
    }

    @Test
    void supportsCompositeKeys() {
        SlowlyChangingDimension byIdAndName =
                new SlowlyChangingDimension(List.of("customer_id", "name"), List.of("city"));
        Dataset<Row> current = dimension(
                version(1, "Ann", "Denver", T1, null, true),
                version(1, "Bob", "Aurora", T1, null, true));

        Dataset<Row> next = byIdAndName.changes(current, snapshot(customer(1, "Ann", "Denver"),
                customer(1, "Bob", "Golden")), T2);

        assertTable(next,
                row(1, "Ann", "Denver", T1, null, true),
                row(1, "Bob", "Aurora", T1, T2, false),
                row(1, "Bob", "Golden", T2, null, true));
    }

    @Test
    void aColumnNewInTheSnapshotIsAddedAndNullInOlderVersions() {
        Dataset<Row> current = dimension(version(1, "Ann", "Denver", T1, null, true));
        Dataset<Row> incoming = spark.createDataFrame(List.of(RowFactory.create(1, "Ann", "Denver", "gold")),
                SNAPSHOT.add("tier", DataTypes.StringType));
        SlowlyChangingDimension withTier =
                new SlowlyChangingDimension(List.of("customer_id"), List.of("name", "city", "tier"));

        Dataset<Row> next = withTier.changes(current, incoming, T2);

        assertThat(next.columns())
                .containsExactly("customer_id", "name", "city", "tier", "valid_from", "valid_to", "is_current");
        assertThat(next.collectAsList()).containsExactlyInAnyOrder(
                row(1, "Ann", "Denver", null, T1, T2, false),
                row(1, "Ann", "Denver", "gold", T2, null, true));
    }

    @Test
    void widensTypesThatDifferBetweenTheTableAndTheSnapshot() {
        Dataset<Row> current = dimension(version(1, "Ann", "Denver", T1, null, true));
        Dataset<Row> incoming = spark.createDataFrame(List.of(RowFactory.create(1L, "Ann", "Golden")),
                new StructType().add("customer_id", DataTypes.LongType).add("name", DataTypes.StringType)
                        .add("city", DataTypes.StringType));

        Dataset<Row> next = dimension.changes(current, incoming, T2);

        assertThat(next.schema().apply("customer_id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(next.collectAsList()).containsExactlyInAnyOrder(
                row(1L, "Ann", "Denver", T1, T2, false),
                row(1L, "Ann", "Golden", T2, null, true));
    }

    @Test
    void rejectsMistakesWithClearMessages() {
        assertThatThrownBy(() -> new SlowlyChangingDimension(List.of(), List.of("name")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dimension needs at least one key column");
        assertThatThrownBy(() -> new SlowlyChangingDimension(null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("keys is null");
        assertThatThrownBy(() -> new SlowlyChangingDimension(List.of("id"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("trackedColumns is null");

        Dataset<Row> incoming = snapshot(customer(1, "Ann", "Denver"));
        assertThatThrownBy(() -> new SlowlyChangingDimension(List.of("id"), List.of("name")).initial(incoming, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the snapshot has no key 'id'; columns: [customer_id, name, city]");
        assertThatThrownBy(() -> new SlowlyChangingDimension(List.of("customer_id"), List.of("zip"))
                .changes(dimension(), incoming, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the snapshot has no tracked column 'zip'; columns: [customer_id, name, city]");
        assertThatThrownBy(() -> dimension.changes(incoming, incoming, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the current dimension has no column 'valid_from'; columns: [customer_id, name, city]");
        assertThatThrownBy(() -> dimension.initial(dimension(), T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the snapshot cannot have a column named 'valid_from'");
        assertThatThrownBy(() -> dimension.changes(dimension(), incoming, null))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf is null");
    }
}
