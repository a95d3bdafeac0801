package dev.strata.etl.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.UserError;
import dev.strata.etl.dashboard.ChartData.Point;
import dev.strata.etl.engine.EngineTestSession;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import dev.strata.etl.views.ViewLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chart's query over small serving tables, with every value checked. */
class ServingChartsTest {

    private static final String SPEC = """
            pipeline: shop
            sources:
              - name: orders
                path: in
                schema: [{name: id, type: long}, {name: at, type: timestamp}, {name: shop, type: string},
                         {name: paid, type: boolean}]
                keys: [id]
            views:
              - name: daily
                source: orders
                event_time: at
                dimensions: [{name: day, grain: day}, {name: shop, column: shop}]
                measures: [{name: orders, agg: count}, {name: paid_orders, agg: count, where: paid}]
                derived: [{name: paid_share, expr: "paid_orders / nullif(orders, 0)"}]
              - name: hourly
                source: orders
                event_time: at
                dimensions: [{name: hour, grain: hour_of_day}]
                measures: [{name: orders, agg: count}]
              - name: monthly
                source: orders
                event_time: at
                dimensions: [{name: month, grain: month}, {name: year, grain: year}]
                measures: [{name: orders, agg: count}]
            dashboard:
              title: Shops
              charts:
            """;

    private static final SparkSession SPARK = EngineTestSession.get();

    @TempDir
    static Path dir;

    static Lake lake;
    static LocalTableCatalog catalog;

    @BeforeAll
    static void serve() {
        lake = new Lake(dir.resolve("lake").toString(), SPARK.sparkContext().hadoopConfiguration());
        catalog = new LocalTableCatalog(lake.root(), lake.conf());
        StructType daily = new StructType().add("day", DataTypes.DateType).add("shop", DataTypes.StringType)
                .add("orders", DataTypes.LongType).add("paid_orders", DataTypes.LongType)
                .add("paid_share", DataTypes.DoubleType);
        SPARK.createDataFrame(List.of(
                day("2024-01-01", "A", 10, 9),
                day("2024-01-02", "A", 30, 3),
                day("2024-01-01", "B", 1, 1),
                day("2024-02-01", "B", 5, 0),
                day("2024-02-01", "C", 2, 2),
                day("2024-02-01", null, 4, 3)), daily)
                .write().format("delta").save(ViewLayers.servingLocation(lake, "shop", "daily"));
        StructType hourly = new StructType().add("hour", DataTypes.IntegerType).add("orders", DataTypes.LongType);
        SPARK.createDataFrame(List.of(RowFactory.create(10, 7L), RowFactory.create(9, 3L), RowFactory.create(23, 1L)),
                hourly).write().format("delta").save(ViewLayers.servingLocation(lake, "shop", "hourly"));
        StructType monthly = new StructType().add("month", DataTypes.DateType).add("year", DataTypes.DateType)
                .add("orders", DataTypes.LongType);
        SPARK.createDataFrame(List.of(RowFactory.create(Date.valueOf("2024-02-01"), Date.valueOf("2024-01-01"), 2L),
                RowFactory.create(Date.valueOf("2024-01-01"), Date.valueOf("2024-01-01"), 5L)), monthly)
                .write().format("delta").save(ViewLayers.servingLocation(lake, "shop", "monthly"));
    }

    private static Row day(String day, String shop, long orders, long paid) {
        return RowFactory.create(Date.valueOf(day), shop, orders, paid, (double) paid / orders);
    }

    private static PipelineSpec spec(String charts) {
        return new SpecLoader().load(SPEC + charts.indent(4), "shop.yaml");
    }

    private static List<ChartData> draw(String charts) {
        return new ServingCharts(SPARK, lake, catalog).draw(spec(charts));
    }

    private static ChartData one(String chart) {
        return draw(chart).get(0);
    }

    /** Points as "x|series|values" lines, with the labels in place of the indexes. */
    private static List<String> points(ChartData chart) {
        return chart.points().stream().map(p -> chart.categories().get(p.x()) + "|"
                + (p.series() < 0 ? "" : chart.series().get(p.series())) + "|"
                + p.values().stream().map(String::valueOf).collect(Collectors.joining(","))).toList();
    }

    @Test
    void aRateIsARatioOfSumsAndCategoriesAreRankedByIt() {
        ChartData rate = one("- {name: rate, view: daily, type: bar, x: shop,"
                + " y: [{name: paid_rate, expr: 'sum(paid_orders) / nullif(sum(orders), 0)'}]}");

        // A: (9 + 3) / (10 + 30) = 0.3, not the mean of its daily rates (0.9 + 0.1) / 2 = 0.5
        assertThat(points(rate)).containsExactly("C||1.0", "(none)||0.75", "A||0.3", "B||" + (1.0 / 6));
        assertThat(rate.drawnValues()).isEqualTo(4);
    }

    @Test
    void aBareYIsASumAndDatesStayInTimeOrder() {
        ChartData monthly = one("- {name: monthly, view: daily, type: bar, x: \"trunc(day, 'MM')\", y: [orders,"
                + " paid_orders]}");

        assertThat(points(monthly)).containsExactly("2024-01-01||41.0,13.0", "2024-02-01||11.0,5.0");
        assertThat(monthly.drawnValues()).isEqualTo(4);
        assertThat(monthly.xName()).isEmpty();
    }

    @Test
    void dimensionsOfMonthAndYearGrainAreLabelledByMonthAndYear() {
        List<ChartData> charts = draw("""
                - {name: months, view: monthly, type: line, x: month, y: [orders]}
                - {name: years, view: monthly, type: heatmap, x: month, series: year, y: [orders]}
                """);

        assertThat(points(charts.get(0))).containsExactly("2024-01||5.0", "2024-02||2.0");
        assertThat(points(charts.get(1))).containsExactly("2024-01|2024|5.0", "2024-02|2024|2.0");
    }

    @Test
    void topKeepsTheLargestXAfterTheFilter() {
        ChartData top = one("- {name: top, view: daily, type: horizontal_bar, x: shop, y: [orders],"
                + " where: 'shop is not null', top: 2}");

        assertThat(points(top)).containsExactly("A||40.0", "B||6.0");
        assertThat(top.xName()).contains("shop");
    }

    @Test
    void topWithASeriesKeepsTheLargestSeriesAndEveryX() {
        ChartData stacked = one("- {name: stacked, view: daily, type: stacked_bar, x: \"trunc(day, 'MM')\","
                + " series: shop, y: [orders], top: 2}");

        assertThat(stacked.series()).containsExactly("A", "B");
        assertThat(points(stacked)).containsExactly("2024-01-01|A|40.0", "2024-01-01|B|1.0", "2024-02-01|B|5.0");
    }

    @Test
    void aHeatmapKeepsTheLargestOfBothAxes() {
        ChartData heat = one("- {name: heat, view: daily, type: heatmap, x: day, series: shop, y: [orders], top: 1}");

        assertThat(points(heat)).containsExactly("2024-01-02|A|30.0");
        ChartData all = one("- {name: heat, view: daily, type: heatmap, x: day, series: shop, y: [orders]}");
        assertThat(all.categories()).containsExactly("2024-01-01", "2024-01-02", "2024-02-01");
        assertThat(all.series()).containsExactly("A", "B", "C", "(none)");
        assertThat(all.points()).hasSize(6).contains(new Point(2, 3, List.of(4.0)));
    }

    @Test
    void numbersAlongXKeepTheirOrderInABarChart() {
        ChartData hours = one("- {name: hours, view: hourly, type: bar, x: hour, y: [orders]}");

        assertThat(points(hours)).containsExactly("9||3.0", "10||7.0", "23||1.0");
    }

    @Test
    void aPieIsRankedAndANullRateIsNotDrawn() {
        List<ChartData> charts = draw("""
                - {name: pie, view: daily, type: pie, x: shop, y: [orders]}
                - {name: rates, view: daily, type: line, x: day, y: [orders, {name: r, expr: 'sum(orders) / nullif(sum(paid_orders), 0)'}], where: "shop = 'B'"}
                """);

        assertThat(points(charts.get(0))).containsExactly("A||40.0", "B||6.0", "(none)||4.0", "C||2.0");
        assertThat(points(charts.get(1))).containsExactly("2024-01-01||1.0,1.0", "2024-02-01||5.0,null");
        assertThat(charts.get(1).drawnValues()).isEqualTo(3);
    }

    @Test
    void aMistakeInAnExpressionNamesTheChart() {
        assertThatThrownBy(() -> draw("- {name: broken, view: daily, type: bar, x: shop,"
                + " y: [{name: v, expr: 'sum(nope)'}]}"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("the dashboard of pipeline shop, chart broken: ")
                .hasMessageContaining("nope")
                .hasMessageEndingWith("(x, series, y and where are Spark SQL over the columns of views.daily: day,"
                        + " shop, orders, paid_orders, paid_share)");
        assertThatThrownBy(() -> draw("- {name: texts, view: daily, type: bar, x: day,"
                + " y: [{name: v, expr: 'max(shop)'}]}"))
                .isInstanceOf(UserError.class)
                .hasMessage("the dashboard of pipeline shop, chart texts: y v (max(shop)) is a string, not a number");
        assertThatThrownBy(() -> draw("- {name: w, view: daily, type: bar, x: day, y: [orders], where: 'shop ='}"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("the dashboard of pipeline shop, chart w: ");
    }

    @Test
    void aViewNotBuiltIsNamedWithWhatToRun(@TempDir Path empty) {
        Lake other = new Lake(empty.toString(), SPARK.sparkContext().hadoopConfiguration());
        PipelineSpec spec = spec("- {name: hours, view: hourly, type: bar, x: hour, y: [orders]}");

        assertThat(ServingCharts.unbuiltViews(other, spec)).containsExactly("hourly");
        assertThat(ServingCharts.unbuiltViews(lake, spec)).isEmpty();
        assertThatThrownBy(() -> new ServingCharts(SPARK, other, new LocalTableCatalog(other.root(), other.conf()))
                .draw(spec))
                .isInstanceOf(UserError.class)
                .hasMessage("the dashboard of pipeline shop reads view hourly, not built yet in this lake; run strata"
                        + " run --spec shop first");
    }

    @Test
    void theSiteHasAPagePerPipelineTheIndexAndTheChartLibrary(@TempDir Path out) throws Exception {
        PipelineSpec spec = spec("""
                - {name: hours, title: "Orders </script> by hour", view: hourly, type: bar, x: hour, y: [orders]}
                - {name: pie, view: daily, type: pie, x: shop, y: [orders]}
                """);
        List<ChartData> charts = new ServingCharts(SPARK, lake, catalog).draw(spec);
        DashboardSite.Written written = new DashboardSite(lake).write(out.resolve("site").toString(),
                List.of(new DashboardSite.Page(spec, charts, java.util.Optional.of(Instant.parse(
                        "2026-01-02T03:04:05Z")))), Instant.parse("2026-01-02T04:00:00Z"));

        Path site = out.resolve("site");
        assertThat(written.index()).isEqualTo(site.toUri().toString().replaceAll("/$", "") + "/index.html");
        try (Stream<Path> files = Files.list(site)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("echarts-LICENSE.txt",
                    "echarts-NOTICE.txt", "echarts.min.js", "index.html", "shop.html", "strata-dashboard.css",
                    "strata-dashboard.js");
        }
        assertThat(Files.size(site.resolve("echarts.min.js"))).isGreaterThan(900_000);
        assertThat(Files.readString(site.resolve("echarts.min.js"))).contains("5.3.1");
        String page = Files.readString(site.resolve("shop.html"));
        assertThat(page).contains("<h1>Shops</h1>", "<h2>Orders &lt;/script&gt; by hour</h2>",
                "data-chart=\"hours\" data-type=\"bar\" data-rows=\"3\"",
                "data-chart=\"pie\" data-type=\"pie\" data-rows=\"4\"",
                "events that arrived up to 2026-01-02 03:04 UTC", "<script src=\"echarts.min.js\"></script>")
                .doesNotContain("Orders </script>");
        String json = page.substring(page.indexOf("id=\"dashboard-data\">") + 20, page.indexOf("</script>",
                page.indexOf("id=\"dashboard-data\">")));
        assertThat(json).contains("\"title\":\"Orders <\\/script> by hour\"", "\"categories\":[\"9\",\"10\",\"23\"]",
                "\"points\":[[0,null,3.0],[1,null,7.0],[2,null,1.0]]");
        assertThat(Files.readString(site.resolve("index.html"))).contains("<a href=\"shop.html\">Shops</a>",
                "2 charts");
    }
}
