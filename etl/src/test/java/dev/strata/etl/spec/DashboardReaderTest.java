package dev.strata.etl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.DashboardSpec.ChartType;
import dev.strata.etl.spec.DashboardSpec.Value;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardReaderTest {

    private final SpecLoader loader = new SpecLoader();

    private static final String BASE = """
            pipeline: shop
            description: orders of the shops
            sources:
              - name: orders
                path: in
                schema: [{name: id, type: long}, {name: at, type: timestamp}, {name: shop, type: string},
                         {name: paid, type: boolean}, {name: amount, type: double}]
                keys: [id]
            views:
              - name: daily
                source: orders
                event_time: at
                dimensions:
                  - {name: day, grain: day}
                  - {name: shop, column: shop}
                measures:
                  - {name: orders, agg: count}
                  - {name: paid_orders, agg: count, where: paid}
                  - {name: revenue, agg: sum, column: amount}
                  - {name: biggest, agg: max, column: amount}
                  - {name: customers, agg: count_distinct, column: id}
                  - {name: order_value, agg: quantiles, column: amount, buckets: [10, 100], quantiles: [0.5, 0.9]}
                derived:
                  - {name: paid_share, expr: "paid_orders / nullif(orders, 0)"}
              - name: hourly
                source: orders
                event_time: at
                dimensions: [{name: hour, grain: hour_of_day}]
                measures: [{name: orders, agg: count}]
            """;

    /** The base spec with a dashboard of these charts (YAML list items, indented as under charts:). */
    static String dashboard(String charts) {
        return BASE + "dashboard:\n  title: Shops\n  charts:\n" + charts.indent(4);
    }

    /** One chart of the daily view: a line of orders by day, with {@code extra} added to its keys. */
    static String chart(String extra) {
        return dashboard("- {name: trend, view: daily, type: line, x: day, y: [orders]" + (extra.isEmpty() ? ""
                : ", " + extra) + "}");
    }

    @Test
    void aSpecWithoutDashboardHasNone() {
        assertThat(loader.load(BASE, "shop.yaml").dashboard()).isEmpty();
    }

    @Test
    void readsEveryKeyIntoExactlyTheExpectedRecords() {
        PipelineSpec spec = loader.load(dashboard("""
                - name: paid_by_shop
                  title: Paid orders by shop
                  view: daily
                  type: stacked_bar
                  x: "date_trunc('MM', day)"
                  series: shop
                  y:
                    - orders
                    - {name: paid_rate, expr: "sum(paid_orders) / nullif(sum(orders), 0)"}
                  where: "shop is not null"
                  top: 5
                - {name: hours, view: hourly, type: bar, x: hour, y: orders}
                """), "shop.yaml");

        assertThat(spec.dashboard()).contains(new DashboardSpec("Shops", List.of(
                new Chart("paid_by_shop", "Paid orders by shop", "daily", ChartType.STACKED_BAR,
                        "date_trunc('MM', day)", Optional.of("shop"), List.of(new Value("orders", "sum(`orders`)"),
                        new Value("paid_rate", "sum(paid_orders) / nullif(sum(orders), 0)")),
                        Optional.of("shop is not null"), Optional.of(5)),
                new Chart("hours", "hours", "hourly", ChartType.BAR, "hour", Optional.empty(),
                        List.of(new Value("orders", "sum(`orders`)")), Optional.empty(), Optional.empty()))));
        assertThat(spec.dashboard().orElseThrow().views()).containsExactly("daily", "hourly");
    }

    @Test
    void theTitleDefaultsToTheDescriptionAndEveryTypeIsRead() {
        PipelineSpec spec = loader.load(BASE + """
                dashboard:
                  charts:
                    - {name: a, view: daily, type: line, x: day, y: [orders]}
                    - {name: b, view: daily, type: bar, x: shop, y: [revenue]}
                    - {name: c, view: daily, type: stacked_bar, x: day, series: shop, y: [orders]}
                    - {name: d, view: daily, type: horizontal_bar, x: shop, y: [orders], top: 1}
                    - {name: e, view: daily, type: pie, x: shop, y: [orders]}
                    - {name: f, view: daily, type: heatmap, x: day, series: shop, y: [orders]}
                    - {name: g, view: daily, type: line, x: day, y: [{name: p90, expr: "max(order_value_p90)"}]}
                """, "shop.yaml");

        DashboardSpec dashboard = spec.dashboard().orElseThrow();
        assertThat(dashboard.title()).isEqualTo("orders of the shops");
        assertThat(dashboard.charts()).extracting(Chart::type).containsExactly(ChartType.LINE, ChartType.BAR,
                ChartType.STACKED_BAR, ChartType.HORIZONTAL_BAR, ChartType.PIE, ChartType.HEATMAP, ChartType.LINE);
        assertThat(dashboard.views()).containsExactly("daily");
    }

    @Test
    void theBundledServiceRequestsDashboardChartsTheThreeViewsItNeeds() {
        PipelineSpec spec = loader.loadResource("service_requests");

        DashboardSpec dashboard = spec.dashboard().orElseThrow();
        assertThat(dashboard.charts()).extracting(Chart::name).containsExactly("monthly_trend", "cases_by_area",
                "cases_by_source", "first_call_resolution", "top_types_by_area", "busiest_departments",
                "resolved_vs_unresolved", "hourly_volume", "weekly_rhythm");
        assertThat(dashboard.views()).containsExactlyInAnyOrder("requests_monthly", "requests_daily",
                "requests_hourly_profile");
        Chart rate = dashboard.charts().get(3);
        assertThat(rate.y()).containsExactly(new Value("first_call_rate",
                "sum(resolved_first_call) / nullif(sum(cases), 0)"));
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        SpecException e = catchThrowableOfType(() -> loader.load(dashboard("""
                - {name: a, view: dayly, type: line, x: day, y: [orders]}
                - {name: b, view: daily, type: donut, x: day, y: [orders]}
                - {name: c, view: daily, type: bar, x: shop, y: [paid_share], top: 0}
                """), "shop.yaml"), SpecException.class);

        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly(
                "dashboard.charts[0].view",
                "dashboard.charts[1].type",
                "dashboard.charts[2].y[0]",
                "dashboard.charts[2].top");
    }

    /** Each broken dashboard has exactly one problem, at the given path, whose message contains the given text. */
    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("mistakes")
    void reportsEachMistakeWithItsPath(String yaml, String path, String message) {
        SpecException e = catchThrowableOfType(() -> loader.load(yaml, "bad.yaml"), SpecException.class);

        assertThat(e).as("no problem reported for:\n%s", yaml).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).singleElement().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("bad.yaml");
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    static Stream<Arguments> mistakes() {
        String first = "dashboard.charts[0].";
        return Stream.of(
                // the section
                arguments(BASE + "dashboard: [a]\n", "dashboard", "the dashboard is a mapping with title: and charts:"),
                arguments(BASE + "dashboard: {title: x}\n", "dashboard.charts", "is required: at least one chart"),
                arguments(BASE + "dashboard: {charts: []}\n", "dashboard.charts", "at least one chart is required"),
                arguments(BASE + "dashboard: {charts: {name: a}}\n", "dashboard.charts", "must be a list"),
                arguments(dashboard("- {name: a, view: daily, type: line, x: day, y: [orders]}")
                        .replace("  title: Shops", "  titel: Shops"), "dashboard.titel",
                        "unknown key 'titel' (did you mean 'title'?); allowed: charts, title"),
                arguments(dashboard("- trend"), "dashboard.charts[0]", "a chart is a mapping with name:, view:, type:"),
                arguments(dashboard("""
                        - {name: a, view: daily, type: line, x: day, y: [orders]}
                        - {name: a, view: daily, type: bar, x: shop, y: [orders]}"""), "dashboard.charts[1].name",
                        "chart 'a' is declared twice"),
                // a chart's keys
                arguments(chart("serie: shop"), first + "serie", "unknown key 'serie' (did you mean 'series'?)"),
                arguments(chart("").replace("name: trend", "name: Trend"), first + "name", "'Trend' is not a valid name"),
                arguments(chart("").replace("name: trend, ", ""), first + "name", "is required"),
                arguments(chart("").replace("view: daily, ", ""), first + "view", "is required"),
                arguments(chart("").replace("view: daily", "view: dayly"), first + "view",
                        "no view named 'dayly'; views: daily, hourly"),
                arguments(BASE.substring(0, BASE.indexOf("views:")) + "dashboard: {charts: [{name: a, view: daily,"
                        + " type: bar, x: day, y: [orders]}]}\n", first + "view",
                        "no view named 'daily': this spec has no views: section"),
                arguments(chart("").replace("type: line, ", ""), first + "type", "is required"),
                arguments(chart("").replace("type: line", "type: donut"), first + "type",
                        "unknown chart type 'donut'; types: line, bar, stacked_bar, horizontal_bar, pie, heatmap"),
                arguments(chart("").replace("x: day, ", ""), first + "x", "is required"),
                arguments(chart("").replace("x: day", "x: dya"), first + "x", "'dya' is not a column of view daily;"
                        + " columns: day, shop, orders, paid_orders, revenue, biggest, customers, order_value_p50,"
                        + " order_value_p90, paid_share"),
                arguments(chart("series: shpo"), first + "series", "'shpo' is not a column of view daily"),
                arguments(chart("series: ''"), first + "series", "must not be empty"),
                arguments(chart("where: ' '"), first + "where", "must not be empty"),
                arguments(chart("top: 0"), first + "top", "must be at least 1, not 0"),
                arguments(chart("top: ten"), first + "top", "must be a whole number, not 'ten'"),
                // y
                arguments(chart("").replace(", y: [orders]", ""), first + "y", "is required: the value(s) to draw"),
                arguments(chart("").replace("y: [orders]", "y: []"), first + "y", "at least one value is required"),
                arguments(chart("").replace("y: [orders]", "y: [ordrs]"), first + "y[0]",
                        "'ordrs' is not a column of view daily"),
                arguments(chart("").replace("y: [orders]", "y: [paid_share]"), first + "y[0]",
                        "'paid_share' is a derived measure of view daily: summing it would add up ratios"),
                arguments(chart("").replace("y: [orders]", "y: [biggest]"), first + "y[0]",
                        "'biggest' is a max measure of view daily, which does not add up across groups; give {name:"
                        + " biggest, expr: ...}, e.g. \"max(biggest)\""),
                arguments(chart("").replace("y: [orders]", "y: [customers]"), first + "y[0]",
                        "'customers' is a count_distinct measure"),
                arguments(chart("").replace("y: [orders]", "y: [order_value_p90]"), first + "y[0]",
                        "'order_value_p90' is a quantiles measure"),
                arguments(chart("").replace("y: [orders]", "y: [shop]"), first + "y[0]",
                        "'shop' is a dimension of view daily, not a measure to draw"),
                arguments(chart("").replace("y: [orders]", "y: ['sum(orders)']"), first + "y[0]",
                        "'sum(orders)' is not a column name; an expression is written {name: ..., expr: \"sum(orders)\"}"),
                arguments(chart("").replace("y: [orders]", "y: [{name: n}]"), first + "y[0].expr", "is required"),
                arguments(chart("").replace("y: [orders]", "y: [{name: N, expr: 'sum(orders)'}]"), first + "y[0].name",
                        "'N' is not a valid name"),
                arguments(chart("").replace("y: [orders]", "y: [{name: n, expr: 'sum(orders)', as: x}]"),
                        first + "y[0].as", "unknown key 'as'; allowed: expr, name"),
                arguments(chart("").replace("y: [orders]", "y: [orders, {name: orders, expr: 'count(*)'}]"),
                        first + "y[1]", "'orders' is already a y value of this chart"),
                arguments(chart("").replace("y: [orders]", "y: [orders, ~]"), first + "y[1]",
                        "must be a measure's name or {name: ..., expr: ...}"),
                // what each type needs
                arguments(chart("").replace("type: line", "type: heatmap"), first + "series",
                        "a heatmap needs series: the column of its second axis"),
                arguments(chart("series: shop").replace("type: line", "type: heatmap").replace("y: [orders]",
                        "y: [orders, revenue]"), first + "y", "a heatmap draws one value; give one y"),
                arguments(chart("series: shop").replace("type: line", "type: pie"), first + "series",
                        "a pie has no series: its slices are the x values"),
                arguments(chart("").replace("type: line", "type: pie").replace("y: [orders]", "y: [orders, revenue]"),
                        first + "y", "a pie draws one value; give one y"));
    }
}
