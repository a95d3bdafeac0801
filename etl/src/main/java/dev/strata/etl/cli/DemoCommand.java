package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.curate.SessionTables;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.spec.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The 311 service-request pipeline end to end on the bundled sample, then a few of the dashboard's answers, and
 * the dashboard itself written from the views' serving layers.
 */
final class DemoCommand implements Command {

    static final String SAMPLE = "data-samples/service_requests";

    private static final List<Map.Entry<String, String>> ANSWERS = List.of(
            Map.entry("Monthly volume (last 6 months)",
                    "select month, total, closed, open from curated.requests_by_month order by month desc limit 6"),
            Map.entry("Cases by source", "select * from curated.requests_by_source order by cases desc"),
            Map.entry("Resolved vs unresolved", "select * from curated.resolution_status order by cases desc"),
            Map.entry("Busiest departments (top 5)",
                    "select * from curated.busiest_departments order by rank limit 5"));

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the 311 pipeline on the bundled sample, print some answers and write its dashboard";
    }

    @Override
    public String usage() {
        return "[--lake PATH]";
    }

    @Override
    public Options options() {
        return CommonOptions.spec(CommonOptions.lake(new Options()));
    }

    @Override
    public int execute(CommandLine line, Console console) {
        try (Context context = new Context("strata demo", line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec", "service_requests"), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            String input = spec.sources().get(0).path();
            if (!input.contains("://") && !Files.exists(Path.of(input))) {
                throw new UserError("the sample " + input + " is not here; run the demo from the repository root "
                        + "or pass --input service_requests=PATH");
            }
            SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
            int code = PipelineCommand.runPipeline(context, spec, sqlRoot,
                    Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0)), console, "demo",
                    List.of(Stage.INGEST, Stage.CLEAN, Stage.CURATE, Stage.VIEWS));
            new SessionTables(context.spark(), context.catalog()).bindAll();
            for (Map.Entry<String, String> answer : ANSWERS) {
                Dataset<Row> result = context.spark().sql(answer.getValue());
                List<List<String>> rows = new ArrayList<>();
                for (Row row : result.collectAsList()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        cells.add(String.valueOf(row.get(i)));
                    }
                    rows.add(cells);
                }
                console.out().println();
                console.out().println(answer.getKey() + ":");
                console.out().print(TextTable.render(List.of(result.columns()), rows));
            }
            console.out().println();
            console.out().println("Ask more: ./strata sql --lake " + context.lake().root()
                    + " \"select * from curated.top_types_by_neighborhood limit 10\"");
            if (code == 0 && spec.dashboard().isPresent()) {
                console.out().println();
                String index = DashboardCommand.write(context, List.of(spec), context.lake().root() + "/dashboard",
                        console);
                console.out().println("Dashboard (a static page: open it in a browser, no server or network needed):");
                console.out().println(index);
            }
            return code;
        }
    }
}
