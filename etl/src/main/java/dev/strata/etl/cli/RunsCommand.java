package dev.strata.etl.cli;

import dev.strata.etl.run.RunRecord;
import dev.strata.etl.run.RunStore;
import dev.strata.etl.run.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Lists the run records of a lake, newest first, or shows one. */
final class RunsCommand implements Command {

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String summary() {
        return "list past runs (newest first) or show one with --id";
    }

    @Override
    public String usage() {
        return "[--lake PATH] [--limit N] [--id RUN_ID]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.lake(new Options());
        options.addOption(Option.builder().longOpt("limit").hasArg().argName("N").desc("at most N runs (default 20)")
                .build());
        options.addOption(Option.builder().longOpt("id").hasArg().argName("RUN_ID").desc("show one run as JSON")
                .build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        try (Context context = new Context("strata runs", line)) {
            List<RunRecord> records = new RunStore(context.lake()).list();
            String id = line.getOptionValue("id");
            if (id != null) {
                RunRecord record = records.stream().filter(r -> r.runId().equals(id)).findFirst()
                        .orElseThrow(() -> new dev.strata.etl.UserError("no run " + id + " in " + context.lake().root()));
                console.out().println(RunStore.json(record));
                return 0;
            }
            int limit = (int) CommonOptions.number(line, "limit", 20, 1);
            List<List<String>> rows = new ArrayList<>();
            for (RunRecord r : records.subList(0, Math.min(limit, records.size()))) {
                long read = r.stages().stream().filter(s -> s.stage().equals("clean")).mapToLong(StageResult::read).sum();
                long quarantined = r.stages().stream().mapToLong(StageResult::quarantined).sum();
                rows.add(List.of(r.runId(), r.command(), String.valueOf(r.pipeline()), r.startedAt(),
                        String.format(Locale.ROOT, "%.1f", r.seconds()), r.outcome(),
                        String.format(Locale.ROOT, "%,d", read), String.format(Locale.ROOT, "%,d", quarantined)));
            }
            console.out().print(TextTable.render(List.of("run_id", "command", "pipeline", "started", "seconds",
                    "outcome", "rows_read", "quarantined"), rows));
            return 0;
        }
    }
}
