package dev.strata.transforms.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.clean.DerivedExpression.FunctionCall;
import dev.strata.transforms.clean.DerivedExpression.FunctionKind;
import dev.strata.transforms.geo.ReferencePoints;
import dev.strata.transforms.spark.DataFrameAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DerivedColumnsTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHEMA = new StructType()
            .add("vehicle", DataTypes.StringType)
            .add("t", DataTypes.LongType)
            .add("x", DataTypes.DoubleType)
            .add(RecordColumns.BATCH_ID, DataTypes.StringType)
            .add(RecordColumns.SOURCE_FILE, DataTypes.StringType)
            .add(RecordColumns.LINE_NUMBER, DataTypes.LongType);

    /** Rows of (vehicle, t, x, batch, file, line). */
    private Dataset<Row> rows(Object[]... values) {
        List<Row> rows = new ArrayList<>();
        for (Object[] v : values) {
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Object[] row(String vehicle, long t, double x, String batch, String file, long line) {
        return new Object[] {vehicle, t, x, batch, file, line};
    }

    private static List<String> sorted(Dataset<Row> rows, String... columns) {
        return rows.orderBy(RecordColumns.BATCH_ID, RecordColumns.SOURCE_FILE, RecordColumns.LINE_NUMBER)
                .selectExpr(columns).collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void aWindowSeesTheRowsOfOneBatchOnly() {
        Dataset<Row> in = rows(
                row("v1", 10, 1.0, "b1", "a.csv", 2),
                row("v1", 20, 2.0, "b1", "a.csv", 3),
                row("v2", 15, 5.0, "b1", "a.csv", 4),
                row("v1", 30, 4.0, "b2", "b.csv", 2),
                row("v1", 40, 8.0, "b2", "b.csv", 3));

        Dataset<Row> out = new DerivedColumns(List.of(
                new DerivedColumn("prev_t", "lag(t) over (partition by vehicle order by t)"),
                new DerivedColumn("step", "x - lag(x) over (partition by vehicle order by t)"))).apply(in);

        assertThat(sorted(out, "vehicle", "t", "prev_t", "step")).containsExactly(
                "[v1,10,null,null]",
                "[v1,20,10,1.0]",
                "[v2,15,null,null]",
                "[v1,30,null,null]", // the first row of batch b2: no previous row across the batch boundary
                "[v1,40,30,4.0]");
    }

    @Test
    void aBatchGivesTheSameValuesAloneOrWithOthers() {
        Object[][] first = {row("v1", 10, 1.0, "b1", "a.csv", 2), row("v1", 20, 3.0, "b1", "a.csv", 3)};
        Object[][] second = {row("v1", 30, 6.0, "b2", "b.csv", 2), row("v1", 40, 10.0, "b2", "b.csv", 3)};
        List<Object[]> both = new ArrayList<>(List.of(first));
        both.addAll(List.of(second));
        DerivedColumns derive = new DerivedColumns(List.of(
                new DerivedColumn("moved", "x - lag(x) over (partition by vehicle order by t)"),
                new DerivedColumn("total", "sum(x) over (partition by vehicle order by t)")));

        List<String> together = sorted(derive.apply(rows(both.toArray(Object[][]::new))), "t", "moved", "total");
        List<String> apart = new ArrayList<>(sorted(derive.apply(rows(first)), "t", "moved", "total"));
        apart.addAll(sorted(derive.apply(rows(second)), "t", "moved", "total"));

        assertThat(together).isEqualTo(apart).containsExactly("[10,null,1.0]", "[20,2.0,4.0]", "[30,null,6.0]",
                "[40,4.0,16.0]");
    }

    @Test
    void rowsThatTieOnTheDeclaredOrderAreOrderedByFileAndLine() {
        Dataset<Row> in = rows(
                row("v1", 10, 3.0, "b1", "b.csv", 2),
                row("v1", 10, 2.0, "b1", "a.csv", 9),
                row("v1", 10, 1.0, "b1", "a.csv", 7))
                .repartition(3);

        Dataset<Row> out = new DerivedColumns(List.of(
                new DerivedColumn("n", "row_number() over (partition by vehicle order by t)"),
                new DerivedColumn("before", "lag(x) over (partition by vehicle order by t)"))).apply(in);

        assertThat(sorted(out, "x", "n", "before")).containsExactly("[1.0,1,null]", "[2.0,2,1.0]", "[3.0,3,2.0]");
    }

    @Test
    void aRangeFrameWithAValueOffsetKeepsItsSingleOrdering() {
        Dataset<Row> in = rows(
                row("v1", 10, 1.0, "b1", "a.csv", 2),
                row("v1", 15, 2.0, "b1", "a.csv", 3),
                row("v1", 30, 4.0, "b1", "a.csv", 4));

        Dataset<Row> out = new DerivedColumns(List.of(new DerivedColumn("recent",
                "sum(x) over (partition by vehicle order by t range between 10 preceding and current row)")))
                .apply(in);

        assertThat(sorted(out, "t", "recent")).containsExactly("[10,1.0]", "[15,3.0]", "[30,4.0]");
    }

    @Test
    void aColumnMayUseTheOnesBeforeItAndPlainExpressionsNeedNoWindow() {
        Dataset<Row> in = rows(row("v1", 10, 1.5, "b1", "a.csv", 2));

        Dataset<Row> out = new DerivedColumns(List.of(new DerivedColumn("double_x", "x * 2"),
                new DerivedColumn("label", "concat(vehicle, ':', cast(double_x as string))"))).apply(in);

        assertThat(out.columns()).containsExactly("vehicle", "t", "x", RecordColumns.BATCH_ID,
                RecordColumns.SOURCE_FILE, RecordColumns.LINE_NUMBER, "double_x", "label");
        assertThat(sorted(out, "double_x", "label")).containsExactly("[3.0,v1:3.0]");
    }

    @Test
    void aMistakeNamesTheDerivedColumn() {
        Dataset<Row> in = rows(row("v1", 10, 1.5, "b1", "a.csv", 2));

        assertThatThrownBy(() -> new DerivedColumns(List.of(new DerivedColumn("speed", "x / nope"))).apply(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("derived column speed: ")
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> new DerivedColumns(List.of(new DerivedColumn("bad", "x +* 2"))).apply(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("derived column bad: ");
    }

    @Test
    void parsingNamesTheColumnsAndFunctionsAnExpressionUses() {
        DerivedExpression e = DerivedExpression.parse(
                "2 * asin(sqrt(pow(sin(radians(lat - lag(lat) over (partition by v order by ts)) / 2), 2)))"
                        + " + transform(arr, a -> a + `x`)[0] + p.q");

        assertThat(e.columns()).containsExactlyInAnyOrder("lat", "v", "ts", "arr", "x", "p");
        assertThat(e.functions()).extracting(FunctionCall::name).containsExactlyInAnyOrder("asin", "sqrt", "pow",
                "sin", "radians", "lag", "transform");
        assertThat(e.functions()).filteredOn(FunctionCall::windowed).extracting(FunctionCall::name)
                .containsExactly("lag");
        assertThat(DerivedExpression.parse("max(x) + 1").functions()).containsExactly(new FunctionCall("max", false));
    }

    @Test
    void knowsWhatKindEachFunctionIs() {
        assertThat(DerivedExpression.kind("LAG")).isEqualTo(FunctionKind.WINDOW);
        assertThat(DerivedExpression.kind("row_number")).isEqualTo(FunctionKind.WINDOW);
        assertThat(DerivedExpression.kind("sum")).isEqualTo(FunctionKind.AGGREGATE);
        assertThat(DerivedExpression.kind("radians")).isEqualTo(FunctionKind.SCALAR);
        assertThat(DerivedExpression.kind("haversine")).isEqualTo(FunctionKind.UNKNOWN);
        assertThat(DerivedExpression.builtinFunctions()).contains("lag", "asin", "unix_timestamp");
    }

    @Test
    void aSentenceIsNotAnExpression() {
        assertThatThrownBy(() -> DerivedExpression.parse("lag(ts) over (partition vehicle_id)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Syntax error");
    }

    @Test
    void convertsPositionsAndFindsTheNearestReferencePointWithStrataFunctions() {
        StructType schema = new StructType().add("ticket", DataTypes.StringType)
                .add("x_ft", DataTypes.DoubleType).add("y_ft", DataTypes.DoubleType)
                .add(RecordColumns.BATCH_ID, DataTypes.StringType)
                .add(RecordColumns.SOURCE_FILE, DataTypes.StringType)
                .add(RecordColumns.LINE_NUMBER, DataTypes.LongType);
        Dataset<Row> in = spark.createDataFrame(List.of(
                // Santa Monica Pier and the LAX Theme Building in EPSG:2229 feet (PROJ's figures), one without a fix
                RowFactory.create("a", 6410525.64, 1825777.61, "b1", "f.csv", 2L),
                RowFactory.create("b", 6439718.06, 1802381.10, "b1", "f.csv", 3L),
                RowFactory.create("c", 99999.0, 99999.0, "b1", "f.csv", 4L)), schema);
        DerivedFunctions.Reference zips = new DerivedFunctions.Reference("clean.zips", "zip");
        Map<DerivedFunctions.Reference, ReferencePoints> references = Map.of(zips, new ReferencePoints("clean.zips",
                List.of(new ReferencePoints.Point("90401", 34.0159, -118.4928),
                        new ReferencePoints.Point("90045", 33.9630, -118.3940))));

        Dataset<Row> out = new DerivedColumns(List.of(
                new DerivedColumn("lon", "st_transform(nullif(x_ft, 99999), nullif(y_ft, 99999), 'EPSG:2229',"
                        + " 'EPSG:4326').x"),
                new DerivedColumn("lat", "ST_TRANSFORM(nullif(x_ft, 99999), nullif(y_ft, 99999), 'EPSG:2229',"
                        + " 'EPSG:4326').y"),
                new DerivedColumn("zip", "nearest_point('clean.zips', 'zip', lat, lon, 3).key"),
                new DerivedColumn("near", "nearest_point('clean.zips', 'zip', lat, lon, 1.5).key")), references)
                .apply(in);

        Dataset<Row> first = out.orderBy("ticket").select("lon", "lat", "zip", "near").limit(1);
        // 1.0 km from its centroid: near enough for both
        DataFrameAssertions.over(spark).assertApproximatelyEquals(spark.createDataFrame(List.of(
                RowFactory.create(-118.49870, 34.00830, "90401", "90401")), first.schema()), first, 1e-5);
        List<Row> rows = out.orderBy("ticket").select("lon", "lat", "zip", "near").collectAsList();
        assertThat(rows.get(1).getString(2)).isEqualTo("90045");
        assertThat(rows.get(1).isNullAt(3)).as("2.2 km from its centroid, beyond 1.5 km").isTrue();
        assertThat(rows.get(2).isNullAt(0) && rows.get(2).isNullAt(1) && rows.get(2).isNullAt(2)).isTrue();
        assertThat(spark.catalog().functionExists("st_transform")).as("nothing registered in the session").isFalse();
    }

    @Test
    void callsOfStrataFunctionsAreCheckedBeforeAnythingRuns() {
        assertThat(DerivedExpression.kind("st_transform")).isEqualTo(FunctionKind.SCALAR);
        assertThat(DerivedFunctions.problems("st_transform(x, y, 'EPSG:2229', 'EPSG:4326').x")).isEmpty();
        assertThat(DerivedFunctions.problems("st_transform(x, y, 'EPSG:2229')"))
                .containsExactly("st_transform takes (x, y, 'FROM', 'TO'), e.g. st_transform(x_feet, y_feet,"
                        + " 'EPSG:2229', 'EPSG:4326'); it was given 3 argument(s)");
        assertThat(DerivedFunctions.problems("st_transform(x, y, crs, 'EPSG:4326')"))
                .singleElement().asString().contains("must be a quoted constant, not crs");
        assertThat(DerivedFunctions.problems("st_transform(x, y, 'EPSG:0', 'EPSG:4326')"))
                .singleElement().asString().contains("unknown coordinate reference system 'EPSG:0'");
        assertThat(DerivedFunctions.problems("nearest_point('zips', 'zip', lat, lon, 5)"))
                .singleElement().asString().contains("zone.table");
        assertThat(DerivedFunctions.problems("nearest_point('clean.zips', 'zip', lat, lon, -1)"))
                .singleElement().asString().contains("a positive number such as 5");
        assertThat(DerivedFunctions.references("coalesce(nearest_point('clean.zips', 'zip', lat, lon, 5).key,"
                + " nearest_point('clean.stations', 'id', lat, lon, 50).key)")).containsExactly(
                new DerivedFunctions.Reference("clean.zips", "zip"),
                new DerivedFunctions.Reference("clean.stations", "id"));
    }
}
