package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.strata.etl.spec.DashboardSpec;
import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.SpecLoader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 311 dashboard as a user gets it: the sample run through the pipeline into a lake (the views' batch layers
 * built), then {@code strata dashboard}; the page is opened in headless Chromium, and every chart the spec
 * declares must have drawn exactly the values its query over the serving layer gives. The charts' answers are
 * checked against the clean table, and a screenshot is saved as {@code target/dashboard.png}.
 */
class DashboardEndToEndTest {

    private static final Pattern CHART = Pattern.compile("<div class=\"chart[^\"]*\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(data-[a-z-]+)=\"([^\"]*)\"");
    private static final Pattern BODY = Pattern.compile("<body[^>]*>");
    private static final Pattern SQL = Pattern.compile("<pre class=\"sql\" data-chart=\"([a-z0-9_]+)\">(.*?)</pre>",
            Pattern.DOTALL);

    @TempDir
    static Path dir;

    static Path lake;
    static Path out;
    static DashboardSpec declared;
    static CliRun dashboard;
    static String dom;
    static JsonNode data;

    @BeforeAll
    static void buildTheViewsAndTheDashboard() throws IOException {
        // the suite's one run of the 311 pipeline over the sample: clean, curated and the views' batch layers
        lake = SampleLakes.serviceRequests().lake();
        out = dir.resolve("dashboard");
        // no --spec: every bundled spec with a dashboard whose views are built
        dashboard = CliRun.of("dashboard", "--lake", lake.toString(), "--out", out.toString());
        assertThat(dashboard.exitCode()).as(dashboard.toString()).isZero();
        declared = new SpecLoader().loadResource("service_requests").dashboard().orElseThrow();
        Path page = out.resolve("service_requests.html");
        dom = HeadlessChromium.find(dir).dumpDom(page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String json = html.substring(html.indexOf('>', html.indexOf("id=\"dashboard-data\"")) + 1,
                html.indexOf("</script>", html.indexOf("id=\"dashboard-data\"")));
        data = new ObjectMapper().readTree(json);
    }

    @Test
    void theCommandWritesAStaticFolderThatNeedsNoNetwork() throws IOException {
        assertThat(dashboard.out()).contains("service_requests | 9")
                .contains("dashboard: " + out.resolve("index.html"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("index.html", "service_requests.html",
                    "echarts.min.js", "strata-dashboard.js", "strata-dashboard.css", "echarts-LICENSE.txt");
        }
        String page = Files.readString(out.resolve("service_requests.html"));
        assertThat(page).contains("<script src=\"echarts.min.js\"></script>")
                .doesNotContain("http://", "https://", "//cdn");
        assertThat(Files.readString(out.resolve("index.html"))).contains("<a href=\"service_requests.html\">Denver 311"
                + " service requests</a>");
    }

    @Test
    void everyChartDrewTheRowsOfItsQueryInHeadlessChromium() {
        Matcher body = BODY.matcher(dom);
        assertThat(body.find()).as(dom).isTrue();
        assertThat(attributes(body.group())).containsEntry("data-dashboard", "ready")
                .containsEntry("data-charts", Integer.toString(declared.charts().size()));
        Map<String, Map<String, String>> charts = new LinkedHashMap<>();
        Matcher chart = CHART.matcher(dom);
        while (chart.find()) {
            Map<String, String> attributes = attributes(chart.group());
            charts.put(attributes.get("data-chart"), attributes);
        }
        Map<String, String> queries = new HashMap<>();
        Matcher sql = SQL.matcher(dom);
        while (sql.find()) {
            queries.put(sql.group(1), unescape(sql.group(2)));
        }
        assertThat(charts.keySet()).containsExactlyElementsOf(declared.charts().stream().map(Chart::name).toList());
        for (Chart declaredChart : declared.charts()) {
            String name = declaredChart.name();
            Map<String, String> drawn = charts.get(name);
            assertThat(drawn).as(name).containsEntry("data-rendered", "true")
                    .containsEntry("data-type", declaredChart.type().key());
            List<String[]> rows = run(queries.get(name));
            long values = rows.stream().skip(1).mapToLong(r -> countValues(rows.get(0), r)).sum();
            assertThat(rows.size() - 1).as(name + ": rows of its query").isPositive();
            assertThat(drawn.get("data-rows")).as(name + ": rows embedded").isEqualTo(Integer.toString(rows.size() - 1));
            assertThat(Long.parseLong(drawn.get("data-points"))).as(name + ": values ECharts holds").isPositive()
                    .isEqualTo(values);
        }
    }

    /** The y values of a result row that are not null (the first columns are x and the series). */
    private static long countValues(String[] header, String[] row) {
        long n = 0;
        for (int i = 0; i < header.length; i++) {
            if (!header[i].startsWith("_") && row[i] != null && !row[i].isEmpty()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theChartsAnswerTheQuestionsAsTheCleanTableDoes() {
        long cases = Long.parseLong(ServiceRequestsEndToEndTest.query(lake,
                "select count(*) from clean.service_requests").get(0));
        assertThat(values(chart("cases_by_source"), 0).stream().mapToDouble(Double::doubleValue).sum())
                .as("every case is in one channel").isEqualTo(cases);

        Map<String, Long> perMonth = ServiceRequestsEndToEndTest.pairs(lake, "select date_format(case_created_dttm,"
                + " 'yyyy-MM'), count(*) from clean.service_requests group by 1");
        JsonNode trend = chart("monthly_trend");
        assertThat(labels(trend)).containsExactlyElementsOf(perMonth.keySet());
        assertThat(values(trend, 0)).containsExactlyElementsOf(perMonth.values().stream().map(Long::doubleValue)
                .toList());

        Map<String, Long> perAgency = ServiceRequestsEndToEndTest.pairs(lake,
                "select agency, count(*) from clean.service_requests group by 1");
        Map<String, Long> firstCall = ServiceRequestsEndToEndTest.pairs(lake, "select agency, count(*) from"
                + " clean.service_requests where first_call_resolution group by 1");
        JsonNode rate = chart("first_call_resolution");
        List<Double> rates = values(rate, 0);
        List<String> agencies = labels(rate);
        assertThat(agencies).containsExactlyInAnyOrderElementsOf(perAgency.keySet());
        for (int i = 0; i < agencies.size(); i++) {
            double expected = (double) firstCall.getOrDefault(agencies.get(i), 0L) / perAgency.get(agencies.get(i));
            assertThat(rates.get(i)).as(agencies.get(i)).isCloseTo(expected, within(1e-12));
            if (i > 0) {
                assertThat(rates.get(i)).as("ranked by rate").isLessThanOrEqualTo(rates.get(i - 1));
            }
        }

        List<Long> busiest = perAgency.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
        assertThat(values(chart("busiest_departments"), 0)).containsExactlyElementsOf(busiest.stream()
                .map(Long::doubleValue).toList());
        List<Long> areas = ServiceRequestsEndToEndTest.query(lake, "select count(*) from clean.service_requests"
                + " where neighborhood is not null group by neighborhood order by 1 desc limit 15").stream()
                .map(Long::parseLong).toList();
        assertThat(values(chart("cases_by_area"), 0)).containsExactlyElementsOf(areas.stream().map(Long::doubleValue)
                .toList());

        JsonNode status = chart("resolved_vs_unresolved");
        double resolved = values(status, 0).stream().mapToDouble(Double::doubleValue).sum();
        double open = values(status, 1).stream().mapToDouble(Double::doubleValue).sum();
        assertThat(resolved).isEqualTo(Double.parseDouble(ServiceRequestsEndToEndTest.query(lake,
                "select count(*) from clean.service_requests where case_status = 'Closed'").get(0)));
        assertThat(resolved + open).isEqualTo(cases);

        JsonNode types = chart("top_types_by_area");
        assertThat(types.get("categories")).hasSize(10);
        assertThat(types.get("seriesValues")).hasSize(10);
        assertThat(values(chart("hourly_volume"), 0).stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(cases);
        assertThat(chart("weekly_rhythm").get("seriesValues").toString())
                .isEqualTo("[\"1 Sun\",\"2 Mon\",\"3 Tue\",\"4 Wed\",\"5 Thu\",\"6 Fri\",\"7 Sat\"]");
    }

    @Test
    void aScreenshotShowsThePage() throws IOException {
        Path png = Path.of("target", "dashboard.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        HeadlessChromium.find(dir).screenshot(out.resolve("service_requests.html"), png, 1400, 3200);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("a page of charts, not a blank one").isGreaterThan(100_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        System.out.println("dashboard screenshot: " + png.toAbsolutePath());
    }

    @Test
    void aViewNotBuiltOrABrokenChartIsOneLineNamingIt() throws IOException {
        Path empty = dir.resolve("empty-lake");
        CliRun notBuilt = CliRun.of("dashboard", "--spec", "service_requests", "--lake", empty.toString());
        assertThat(notBuilt.exitCode()).as(notBuilt.toString()).isEqualTo(2);
        assertThat(notBuilt.err().strip()).isEqualTo("strata dashboard: the dashboard of pipeline service_requests"
                + " reads views requests_monthly, requests_daily, requests_hourly_profile, not built yet in this lake;"
                + " run strata run --spec service_requests first");
        CliRun nothing = CliRun.of("dashboard", "--lake", empty.toString());
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("strata dashboard: no dashboard to write from the lake at ")
                .contains("run strata run --spec service_requests first");
        CliRun noDashboard = CliRun.of("dashboard", "--spec", "cdp", "--lake", lake.toString());
        assertThat(noDashboard.exitCode()).as(noDashboard.toString()).isEqualTo(2);
        assertThat(noDashboard.err()).contains("pipeline cdp (classpath:pipelines/cdp.yaml) has no dashboard: section");

        String bundled = Files.readString(Repository.root().resolve(
                "etl/src/main/resources/pipelines/service_requests.yaml"));
        String spec = bundled.substring(0, bundled.indexOf("\ndashboard:")) + """

                dashboard:
                  charts:
                    - {name: broken, view: requests_daily, type: bar, x: agency, y: [{name: v, expr: "sum(casez)"}]}
                """;
        Path file = Files.writeString(dir.resolve("broken.yaml"), spec);
        CliRun broken = CliRun.of("dashboard", "--spec", file.toString(), "--lake", lake.toString(), "--out",
                dir.resolve("broken").toString());
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err()).startsWith("strata dashboard: the dashboard of pipeline service_requests, chart"
                + " broken: ").contains("casez").doesNotContain("\tat ");
        Path misspelt = Files.writeString(dir.resolve("misspelt.yaml"), spec.replace("view: requests_daily",
                "view: requests_dayly"));
        CliRun invalid = CliRun.of("dashboard", "--spec", misspelt.toString(), "--lake", lake.toString());
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(2);
        assertThat(invalid.err()).contains(misspelt + ": dashboard.charts[0].view: no view named 'requests_dayly';"
                + " views: requests_daily, requests_monthly, requests_hourly_profile, neighborhood_addresses");
    }

    private static JsonNode chart(String name) {
        for (JsonNode chart : data.get("charts")) {
            if (chart.get("name").asText().equals(name)) {
                return chart;
            }
        }
        throw new AssertionError("no chart " + name + " in the page's data");
    }

    /** The x labels of a chart's points, in the order drawn. */
    private static List<String> labels(JsonNode chart) {
        List<String> labels = new ArrayList<>();
        for (JsonNode point : chart.get("points")) {
            labels.add(chart.get("categories").get(point.get(0).asInt()).asText());
        }
        return labels;
    }

    /** The values of one y of a chart's points, in the order drawn. */
    private static List<Double> values(JsonNode chart, int y) {
        List<Double> values = new ArrayList<>();
        for (JsonNode point : chart.get("points")) {
            values.add(point.get(2 + y).asDouble());
        }
        return values;
    }

    /** Runs a query through {@code strata sql} and returns the header and rows of its CSV. */
    private static List<String[]> run(String query) {
        assertThat(query).as("the page shows each chart's query").isNotNull();
        CliRun sql = CliRun.of("sql", query, "--lake", lake.toString(), "--format", "csv", "--max-rows", "100000");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setNullValue("");
        CsvParser parser = new CsvParser(settings);
        return parser.parseAll(new StringReader(sql.out()));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
