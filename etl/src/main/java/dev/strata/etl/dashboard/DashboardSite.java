package dev.strata.etl.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.DashboardSpec;
import dev.strata.etl.spec.DashboardSpec.ChartType;
import dev.strata.etl.spec.PipelineSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the dashboard as static files that open offline: {@code index.html} linking one page per pipeline,
 * {@code <pipeline>.html} with its charts' data embedded as JSON, the chart library (Apache ECharts, from its
 * webjar on the class path, with its licence) and the page's own script and style. Every file goes through
 * Hadoop's file systems, so the folder may be local or on S3.
 */
public final class DashboardSite {

    /** The chart library's version; its webjar is a dependency of this module. */
    public static final String ECHARTS_VERSION = "5.3.1";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/";
    private static final Map<String, String> ASSETS = assets();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lake lake;

    /** @param lake whose Hadoop configuration reaches the output folder's file system */
    public DashboardSite(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    /** One pipeline's page: its charts with their data, and how fresh the serving layers are. */
    public record Page(PipelineSpec pipeline, List<ChartData> charts, Optional<Instant> coveredTo) {
        public Page {
            Objects.requireNonNull(pipeline, "pipeline is null");
            charts = List.copyOf(charts);
            Objects.requireNonNull(coveredTo, "coveredTo is null");
            if (pipeline.dashboard().isEmpty()) {
                throw new IllegalArgumentException("pipeline " + pipeline.name() + " has no dashboard");
            }
        }

        String file() {
            return pipeline.name() + ".html";
        }

        DashboardSpec dashboard() {
            return pipeline.dashboard().orElseThrow();
        }
    }

    /** What was written: the index and each page, as full locations. */
    public record Written(String index, List<String> pages) {
        public Written {
            Objects.requireNonNull(index, "index is null");
            pages = List.copyOf(pages);
        }
    }

    /** Writes the pages, the index and the assets into {@code folder} (a local path or a URI). */
    public Written write(String folder, List<Page> pages, Instant generatedAt) {
        Objects.requireNonNull(folder, "folder is null");
        Objects.requireNonNull(generatedAt, "generatedAt is null");
        String root = location(folder);
        for (Map.Entry<String, String> asset : ASSETS.entrySet()) {
            write(root + "/" + asset.getKey(), resource(asset.getValue()));
        }
        List<String> written = new ArrayList<>();
        for (Page page : pages) {
            write(root + "/" + page.file(), page(page, generatedAt));
            written.add(root + "/" + page.file());
        }
        write(root + "/index.html", index(pages, generatedAt));
        return new Written(root + "/index.html", written);
    }

    /**
     * A local file directly (Hadoop's local file system would leave a {@code .crc} beside each file), anything else
     * through Hadoop's file systems; either way whole, under a temporary name first.
     */
    private void write(String location, String text) {
        if (!location.startsWith("file:")) {
            lake.writeText(location, text);
            return;
        }
        Path target = Path.of(URI.create(location));
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            throw new UserError("cannot write the dashboard to " + target.getParent() + ": "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** A local folder as an absolute {@code file:} URI; a URI as it is. */
    static String location(String folder) {
        String trimmed = folder.endsWith("/") && folder.length() > 1 ? folder.substring(0, folder.length() - 1)
                : folder;
        if (trimmed.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !trimmed.matches("[a-zA-Z]:\\\\.*")) {
            return trimmed;
        }
        return Path.of(trimmed).toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
    }

    private static Map<String, String> assets() {
        Map<String, String> assets = new LinkedHashMap<>();
        assets.put("echarts.min.js", ECHARTS + "dist/echarts.min.js");
        assets.put("echarts-LICENSE.txt", ECHARTS + "LICENSE");
        assets.put("echarts-NOTICE.txt", ECHARTS + "NOTICE");
        assets.put("strata-dashboard.js", "dashboard/strata-dashboard.js");
        assets.put("strata-dashboard.css", "dashboard/strata-dashboard.css");
        return assets;
    }

    private static String resource(String name) {
        try (InputStream in = DashboardSite.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is not on the class path (the dashboard's"
                        + " assets travel in the jar: is org.webjars.npm:echarts:" + ECHARTS_VERSION + " on it?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    String page(Page page, Instant generatedAt) {
        DashboardSpec dashboard = page.dashboard();
        StringBuilder html = new StringBuilder();
        head(html, dashboard.title());
        html.append("<body data-dashboard=\"loading\" data-pipeline=\"").append(escape(page.pipeline().name()))
                .append("\" data-charts=\"").append(page.charts().size()).append("\">\n");
        html.append("<header>\n  <nav><a href=\"index.html\">All dashboards</a></nav>\n  <h1>")
                .append(escape(dashboard.title())).append("</h1>\n  <p class=\"about\">Pipeline <code>")
                .append(escape(page.pipeline().name())).append("</code>")
                .append(page.coveredTo().map(c -> " · serving layers cover events that arrived up to "
                        + SHOWN.format(c)).orElse(""))
                .append(" · generated ").append(SHOWN.format(generatedAt)).append("</p>\n</header>\n<main>\n");
        for (ChartData chart : page.charts()) {
            String name = escape(chart.chart().name());
            boolean wide = chart.chart().type() == ChartType.HEATMAP || chart.categories().size() > 30;
            html.append("<section class=\"card").append(wide ? " wide" : "").append("\" id=\"card-").append(name)
                    .append("\">\n  <h2>").append(escape(chart.chart().title())).append("</h2>\n")
                    .append("  <p class=\"meta\"><code>views.").append(escape(chart.chart().view()))
                    .append("</code> · ").append(chart.points().size()).append(chart.points().size() == 1 ? " row"
                            : " rows").append("</p>\n")
                    .append("  <div class=\"chart\" id=\"chart-").append(name).append("\" data-chart=\"").append(name)
                    .append("\" data-type=\"").append(chart.chart().type().key()).append("\" data-rows=\"")
                    .append(chart.points().size()).append("\"></div>\n")
                    .append("  <details><summary>Query</summary><pre class=\"sql\" data-chart=\"").append(name)
                    .append("\">").append(escape(chart.sql())).append("</pre></details>\n</section>\n");
        }
        html.append("</main>\n<script type=\"application/json\" id=\"dashboard-data\">").append(data(page))
                .append("</script>\n<script src=\"echarts.min.js\"></script>\n")
                .append("<script src=\"strata-dashboard.js\"></script>\n</body>\n</html>\n");
        return html.toString();
    }

    String index(List<Page> pages, Instant generatedAt) {
        StringBuilder html = new StringBuilder();
        head(html, "Dashboards");
        html.append("<body data-dashboard=\"index\">\n<header>\n  <h1>Dashboards</h1>\n  <p class=\"about\">Generated ")
                .append(SHOWN.format(generatedAt)).append(" from the serving layers of the pipelines' views.</p>\n")
                .append("</header>\n<main class=\"list\">\n<ul>\n");
        for (Page page : pages) {
            html.append("  <li><a href=\"").append(escape(page.file())).append("\">")
                    .append(escape(page.dashboard().title())).append("</a> <span class=\"meta\">pipeline <code>")
                    .append(escape(page.pipeline().name())).append("</code> · ").append(page.charts().size())
                    .append(page.charts().size() == 1 ? " chart" : " charts")
                    .append(page.coveredTo().map(c -> " · events that arrived up to " + SHOWN.format(c)).orElse(""))
                    .append("</span></li>\n");
        }
        html.append("</ul>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<link rel=\"stylesheet\" href=\"strata-dashboard.css\">\n")
                .append("</head>\n");
    }

    /** The charts as the page's script reads them; {@code </} is written {@code <\/} so no text ends the script. */
    static String data(Page page) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pipeline", page.pipeline().name());
        root.put("title", page.dashboard().title());
        List<Map<String, Object>> charts = new ArrayList<>();
        for (ChartData chart : page.charts()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", chart.chart().name());
            c.put("title", chart.chart().title());
            c.put("type", chart.chart().type().key());
            c.put("x", chart.xName().orElse(null));
            c.put("hasSeries", chart.chart().series().isPresent());
            c.put("seriesName", chart.seriesName().orElse(null));
            c.put("y", chart.valueNames());
            c.put("categories", chart.categories());
            c.put("seriesValues", chart.series());
            List<List<Object>> points = new ArrayList<>();
            for (ChartData.Point p : chart.points()) {
                List<Object> point = new ArrayList<>();
                point.add(p.x());
                point.add(p.series() < 0 ? null : p.series());
                point.addAll(p.values());
                points.add(point);
            }
            c.put("points", points);
            charts.add(c);
        }
        root.put("charts", charts);
        try {
            return JSON.writeValueAsString(root).replace("</", "<\\/").replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dashboard's data as JSON", e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
