package dev.strata.transforms.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** spark-testing-base's comparisons over the tests' session: they pass on equal frames and fail on others. */
class DataFrameAssertionsTest {

    private static final StructType SCHEMA = new StructType().add("k", DataTypes.StringType)
            .add("x", DataTypes.DoubleType);

    private final SparkSession spark = SparkTestSession.get();
    private final DataFrameAssertions frames = DataFrameAssertions.over(spark);

    private Dataset<Row> frame(Object[]... rows) {
        return spark.createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), SCHEMA);
    }

    @Test
    void equalFramesPassAndADifferentValueOrderOrSchemaFails() {
        Dataset<Row> ab = frame(new Object[] {"a", 1.0}, new Object[] {"b", 2.0});
        frames.assertEquals(ab, frame(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}));
        frames.assertEqualsInAnyOrder(ab, frame(new Object[] {"b", 2.0}, new Object[] {"a", 1.0}));
        assertThatThrownBy(() -> frames.assertEquals(ab, frame(new Object[] {"a", 1.0}, new Object[] {"b", 2.5})))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> frames.assertEquals(ab, frame(new Object[] {"b", 2.0}, new Object[] {"a", 1.0})))
                .as("in order").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> frames.assertEqualsInAnyOrder(ab, frame(new Object[] {"a", 1.0})))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> frames.assertEquals(ab, ab.withColumnRenamed("x", "y")))
                .as("schema").isInstanceOf(AssertionError.class);
    }

    @Test
    void approximateComparisonsAllowTheToleranceAndNoMore() {
        Dataset<Row> expected = frame(new Object[] {"a", 1.0});
        frames.assertApproximatelyEquals(expected, frame(new Object[] {"a", 1.0 + 1e-7}), 1e-6);
        assertThatThrownBy(() -> frames.assertApproximatelyEquals(expected, frame(new Object[] {"a", 1.0 + 1e-5}),
                1e-6)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> frames.assertApproximatelyEquals(expected, frame(new Object[] {"b", 1.0}), 1e-6))
                .as("text is compared exactly").isInstanceOf(AssertionError.class);
        frames.assertEquals(spark.createDataFrame(List.of(), SCHEMA), spark.createDataFrame(List.of(), SCHEMA));
    }
}
