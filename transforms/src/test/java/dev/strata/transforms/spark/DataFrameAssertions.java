package dev.strata.transforms.spark;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import java.time.Duration;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * spark-testing-base's DataFrame comparisons ({@link JavaDataFrameSuiteBase}) over the session a test class
 * already holds: the suite's own JUnit 4 set-up (a second context, with Hive) is not used; it is handed this
 * session instead. Each comparison checks the schema first, then the rows, and on a difference shows the unequal
 * rows side by side.
 */
public final class DataFrameAssertions {

    private final JavaDataFrameSuiteBase suite;

    private DataFrameAssertions(JavaDataFrameSuiteBase suite) {
        this.suite = suite;
    }

    /** The comparisons over {@code spark}, which must be running. */
    public static DataFrameAssertions over(SparkSession spark) {
        Objects.requireNonNull(spark, "spark is null");
        SparkSessionProvider._sparkSession_$eq(spark);
        JavaDataFrameSuiteBase suite = new JavaDataFrameSuiteBase();
        suite.sqlBeforeAllTestCases();
        return new DataFrameAssertions(suite);
    }

    /** The same schema and the same rows in the same order. */
    public void assertEquals(Dataset<Row> expected, Dataset<Row> actual) {
        suite.assertDataFrameEquals(expected, actual, suite.assertDataFrameEquals$default$3());
    }

    /** The same schema and the same rows in the same order, numbers within {@code tolerance} of each other. */
    public void assertApproximatelyEquals(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        suite.assertDataFrameApproximateEquals(expected, actual, tolerance, Duration.ZERO,
                suite.assertDataFrameApproximateEquals$default$5());
    }

    /** The same schema and the same rows, each as often, in any order. */
    public void assertEqualsInAnyOrder(Dataset<Row> expected, Dataset<Row> actual) {
        suite.assertDataFrameNoOrderEquals(expected, actual);
    }
}
