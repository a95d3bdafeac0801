package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.curate.SessionTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs a query over the lake's catalog tables and prints the result as a table. */
final class SqlCommand implements Command {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String summary() {
        return "query clean and curated tables by name, e.g. \"select * from curated.requests_by_month\"";
    }

    @Override
    public String usage() {
        return "\"QUERY\" [--lake PATH] [--max-rows N] [--format table|csv]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.lake(new Options());
        options.addOption(Option.builder().longOpt("max-rows").hasArg().argName("N")
                .desc("print at most N rows (default 100)").build());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("table|csv")
                .desc("output format (default table)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UserError("give the query as an argument: strata sql \"select ...\"");
        }
        String query = String.join(" ", args);
        int max = (int) CommonOptions.number(line, "max-rows", 100, 1);
        String format = format(line);
        try (Context context = new Context("strata sql", line)) {
            int tables = new SessionTables(context.spark(), context.catalog()).bindFor(query);
            Dataset<Row> result;
            try {
                result = context.spark().sql(query);
            } catch (Exception e) {
                if (e instanceof AnalysisException || e.getClass().getName().contains("ParseException")) {
                    throw new UserError("query failed: " + e.getMessage().split("\n")[0]
                            + (tables == 0 ? " (the lake at " + context.lake().root() + " has no tables yet)" : ""));
                }
                throw e;
            }
            print(result, max, format, console);
            return 0;
        }
    }

    /** Prints up to {@code max} rows as a text table or as CSV; shared by every command that shows rows. */
    static void print(Dataset<Row> result, int max, String format, Console console) {
        List<String> header = List.of(result.columns());
        List<Row> rows = result.limit(max + 1).collectAsList();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(max, rows.size()))) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.isNullAt(i) ? (format.equals("csv") ? "" : "NULL") : String.valueOf(row.get(i)));
            }
            cells.add(values);
        }
        if (format.equals("csv")) {
            console.out().println(String.join(",", header));
            for (List<String> values : cells) {
                console.out().println(String.join(",", values.stream().map(SqlCommand::csv).toList()));
            }
        } else {
            console.out().print(TextTable.render(header, cells));
            console.out().printf("(%d row%s%s)%n", cells.size(), cells.size() == 1 ? "" : "s",
                    rows.size() > max ? ", more not shown; use --max-rows" : "");
        }
    }

    static String format(CommandLine line) {
        String format = line.getOptionValue("format", "table");
        if (!format.equals("table") && !format.equals("csv")) {
            throw new UserError("--format must be table or csv, not '" + format + "'");
        }
        return format;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
