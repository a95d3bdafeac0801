package dev.strata.etl.dashboard;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.SessionTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.DashboardSpec;
import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.DashboardSpec.Value;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.spec.ViewSpec.Dimension;
import dev.strata.etl.spec.ViewSpec.Grain;
import dev.strata.etl.views.ViewLayers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a pipeline's charts over the serving layers of its views: each view's serving table is declared in the
 * session as {@code views.<view>} (at this pipeline's location, whatever another pipeline registered under the
 * name), then each chart is its one query. A chart's rows are its groups, so they are collected; a chart with
 * more than {@link #MAX_POINTS} of them is a mistake in the spec (it needs {@code top:} or {@code where:}).
 */
public final class ServingCharts {

    /** The most rows one chart may draw. */
    public static final int MAX_POINTS = 10_000;

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;

    public ServingCharts(SparkSession spark, Lake lake, TableCatalog catalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    /** The views a pipeline's dashboard reads whose serving layer is not built yet (no session needed). */
    public static List<String> unbuiltViews(Lake lake, PipelineSpec pipeline) {
        Objects.requireNonNull(lake, "lake is null");
        return pipeline.dashboard().map(DashboardSpec::views).orElse(List.of()).stream()
                .filter(v -> !lake.exists(ViewLayers.servingLocation(lake, pipeline.name(), v) + "/_delta_log"))
                .toList();
    }

    /** A pipeline's charts with their data, in the order the spec declares them. */
    public List<ChartData> draw(PipelineSpec pipeline) {
        DashboardSpec dashboard = pipeline.dashboard().orElseThrow(() -> new UserError("pipeline " + pipeline.name()
                + " (" + pipeline.origin() + ") has no dashboard: section"));
        List<String> unbuilt = unbuiltViews(lake, pipeline);
        if (!unbuilt.isEmpty()) {
            throw new UserError(notBuilt(pipeline, unbuilt));
        }
        SessionTables tables = new SessionTables(spark, catalog);
        Instant now = Instant.now();
        for (String view : dashboard.views()) {
            tables.bind(new TableEntry(new TableName("views", view), ViewLayers.servingLocation(lake, pipeline.name(),
                    view), "delta", List.of(), new StructType(), Map.of(), now, now));
        }
        List<ChartData> charts = new ArrayList<>();
        for (Chart chart : dashboard.charts()) {
            charts.add(draw(pipeline, chart, pipeline.view(chart.view()).orElseThrow()));
        }
        return charts;
    }

    /** The line that says which views to build first. */
    public static String notBuilt(PipelineSpec pipeline, List<String> views) {
        return "the dashboard of pipeline " + pipeline.name() + " reads " + (views.size() == 1 ? "view " : "views ")
                + String.join(", ", views) + ", not built yet in this lake; run strata run --spec " + pipeline.name()
                + " first";
    }

    /**
     * When the serving layers a dashboard reads were last brought up to date: the earliest {@code covered_to}
     * among its views, as their catalog entries record it.
     */
    public Optional<Instant> coveredTo(PipelineSpec pipeline) {
        Optional<Instant> earliest = Optional.empty();
        for (String view : pipeline.dashboard().map(DashboardSpec::views).orElse(List.of())) {
            Optional<String> covered = catalog.lookup(new TableName("views", view))
                    .filter(e -> pipeline.name().equals(e.properties().get("strata.pipeline")))
                    .map(e -> e.properties().get("strata.view.covered_to"));
            if (covered.isEmpty() || covered.get() == null) {
                return Optional.empty();
            }
            Instant at = Instant.parse(covered.get());
            earliest = Optional.of(earliest.filter(e -> e.isBefore(at)).orElse(at));
        }
        return earliest;
    }

    private ChartData draw(PipelineSpec pipeline, Chart chart, ViewSpec view) {
        ChartQuery query = new ChartQuery(chart);
        String where = "the dashboard of pipeline " + pipeline.name() + ", chart " + chart.name() + ": ";
        StructType grouped = analyse(query.grouped(), where, chart).schema();
        int first = chart.series().isPresent() ? 2 : 1;
        for (int i = 0; i < chart.y().size(); i++) {
            DataType type = grouped.fields()[first + i].dataType();
            Value y = chart.y().get(i);
            if (!(type instanceof NumericType) && !type.equals(DataTypes.NullType)) {
                throw new UserError(where + "y " + y.name() + " (" + y.expression() + ") is a "
                        + type.simpleString() + ", not a number");
            }
        }
        boolean xIsText = grouped.fields()[0].dataType().equals(DataTypes.StringType);
        String sql = query.sql(query.order(xIsText));
        List<Row> rows = analyse(sql, where, chart).limit(MAX_POINTS + 1).collectAsList();
        if (rows.size() > MAX_POINTS) {
            throw new UserError(String.format(Locale.ROOT, "%smore than %,d points to draw; keep fewer with top: or"
                    + " where:", where, MAX_POINTS));
        }
        List<Object[]> values = new ArrayList<>();
        for (Row row : rows) {
            Object[] cells = new Object[row.size()];
            for (int i = 0; i < row.size(); i++) {
                cells[i] = row.get(i);
            }
            values.add(cells);
        }
        return ChartData.of(chart, sql, values, chart.series().isPresent(), grain(view, chart.x()),
                chart.series().flatMap(s -> grain(view, s)));
    }

    /** The time grain of a dimension named by a chart's x or series; none for an expression. */
    private static Optional<Grain> grain(ViewSpec view, String column) {
        return view.dimensions().stream().filter(d -> d.name().equals(column)).findFirst()
                .flatMap(Dimension::grain);
    }

    /** The query analysed: a mistake in the chart's columns or expressions is a user error naming the chart. */
    private Dataset<Row> analyse(String sql, String where, Chart chart) {
        try {
            return spark.sql(sql);
        } catch (Exception e) {
            String message = e instanceof org.apache.spark.sql.AnalysisException a ? a.getSimpleMessage()
                    : e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            if (e instanceof org.apache.spark.sql.AnalysisException
                    || e.getClass().getName().contains("ParseException")) {
                throw new UserError(where + message + " (x, series, y and where are Spark SQL over the columns of"
                        + " views." + chart.view() + ": " + String.join(", ", spark.table("views." + chart.view())
                        .columns()) + ")");
            }
            throw e;
        }
    }
}
