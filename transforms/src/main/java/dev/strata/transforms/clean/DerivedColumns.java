package dev.strata.transforms.clean;

import static org.apache.spark.sql.functions.col;

import dev.strata.transforms.geo.ReferencePoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.RangeFrame$;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.expressions.SpecialFrameBoundary;
import org.apache.spark.sql.catalyst.expressions.SpecifiedWindowFrame;
import org.apache.spark.sql.catalyst.expressions.WindowSpecDefinition;
import org.apache.spark.sql.functions;
import scala.collection.JavaConverters;

/**
 * Adds a source's derived columns to its clean rows, in the declared order, so each may use the ones before.
 *
 * <p>The scope of a window is one raw batch: every window is partitioned by {@code _batch_id} before the
 * partitions it declares, so a batch's derived values depend on its own clean rows only, whichever other
 * batches the same run cleans; cleaning a batch again gives the same values. A window function therefore
 * never reaches into another batch: the first row of each partition in a batch has no previous row
 * ({@code lag} is null), and a segment between the last row of one batch and the first row of the next is
 * not formed.
 *
 * <p>Every window's order is completed with {@code _source_file} and {@code _line_number}, which are unique
 * within a batch, so rows that tie on the declared order are still ordered the same way on every run. A
 * {@code range} frame with a value offset (which Spark allows over one ordering column only) keeps its
 * order as declared: such a frame takes every tying row at once, so ties do not change what it computes.
 *
 * <p>Pure: no I/O. Input: clean rows with the metadata columns {@code _batch_id}, {@code _source_file} and
 * {@code _line_number}. A mistake in an expression surfaces as an {@link IllegalArgumentException} that
 * names the derived column.
 */
public final class DerivedColumns {

    private final List<DerivedColumn> columns;
    private final DerivedFunctions derivedFunctions;

    public DerivedColumns(List<DerivedColumn> columns) {
        this(columns, Map.of());
    }

    /** @param references the points of the tables that {@code nearest_point} calls read ({@link DerivedFunctions}) */
    public DerivedColumns(List<DerivedColumn> columns, Map<DerivedFunctions.Reference, ReferencePoints> references) {
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        this.derivedFunctions = new DerivedFunctions(references);
    }

    public List<DerivedColumn> columns() {
        return columns;
    }

    public Dataset<Row> apply(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows is null");
        Dataset<Row> out = rows;
        for (DerivedColumn c : columns) {
            try {
                out = out.withColumn(c.name(), scoped(c.expression(), derivedFunctions));
            } catch (RuntimeException e) {
                throw mistake(c, e);
            } catch (Exception e) {
                // Spark's AnalysisException is a checked exception Java does not see declared
                throw mistake(c, e);
            }
        }
        return out;
    }

    private static RuntimeException mistake(DerivedColumn c, Exception e) {
        boolean analysis = e instanceof org.apache.spark.sql.AnalysisException
                || e.getClass().getName().contains("ParseException");
        if (!analysis) {
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        String message = e instanceof org.apache.spark.sql.AnalysisException a ? a.getSimpleMessage()
                : e.getMessage();
        return new IllegalArgumentException("derived column " + c.name() + ": " + message.split("\n")[0], e);
    }

    /** The expression as a column whose windows are scoped to one batch and totally ordered. */
    static Column scoped(String expression, DerivedFunctions derivedFunctions) {
        return new Column(scoped(functions.expr(expression).expr(), derivedFunctions));
    }

    /** Windows scoped to one batch, and calls of Strata's own functions replaced by their values. */
    private static Expression scoped(Expression expression, DerivedFunctions derivedFunctions) {
        List<Expression> children = asList(expression.children());
        List<Expression> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression child : children) {
            Expression r = scoped(child, derivedFunctions);
            changed |= r != child;
            rewritten.add(r);
        }
        Expression node = changed ? (Expression) expression.withNewChildren(asSeq(rewritten)) : expression;
        if (node instanceof WindowSpecDefinition window) {
            return withinBatch(window);
        }
        return derivedFunctions.rewrite(node);
    }

    private static WindowSpecDefinition withinBatch(WindowSpecDefinition window) {
        List<Expression> partition = new ArrayList<>();
        partition.add(col(RecordColumns.BATCH_ID).expr());
        partition.addAll(asList(window.partitionSpec()));
        List<SortOrder> order = new ArrayList<>(asList(window.orderSpec()));
        if (!order.isEmpty() && !valueRange(window)) {
            order.add((SortOrder) col(RecordColumns.SOURCE_FILE).asc().expr());
            order.add((SortOrder) col(RecordColumns.LINE_NUMBER).asc().expr());
        }
        return new WindowSpecDefinition(asSeq(partition), asSeq(order), window.frameSpecification());
    }

    /** A {@code range} frame bounded by a value ({@code range between 600 preceding and current row}). */
    private static boolean valueRange(WindowSpecDefinition window) {
        return window.frameSpecification() instanceof SpecifiedWindowFrame frame
                && frame.frameType() == RangeFrame$.MODULE$
                && !(frame.lower() instanceof SpecialFrameBoundary && frame.upper() instanceof SpecialFrameBoundary);
    }

    static <T> List<T> asList(scala.collection.Seq<T> seq) {
        return JavaConverters.seqAsJavaListConverter(seq).asJava();
    }

    static <T> scala.collection.Seq<T> asSeq(List<T> list) {
        return JavaConverters.asScalaBufferConverter(list).asScala().toSeq();
    }
}
