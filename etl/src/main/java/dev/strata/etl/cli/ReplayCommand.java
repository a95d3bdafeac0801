package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Replay;
import dev.strata.etl.spec.PipelineSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** strata replay: the clean, quarantine and curated tables and the views rebuilt from the raw zone. */
final class ReplayCommand implements Command {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "rebuild a pipeline's clean, quarantine and curated tables and views from its raw batches";
    }

    @Override
    public String usage() {
        return "--spec NAME|FILE [--lake PATH] [--since YYYY-MM-DD|INSTANT | --batch ID] [--dry-run] [options]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.spec(CommonOptions.lake(new Options()));
        options.addOption(Option.builder().longOpt("since").hasArg().argName("DATE|INSTANT")
                .desc("replay the raw batches ingested on or after this day (UTC) or instant; default: all").build());
        options.addOption(Option.builder().longOpt("batch").hasArg().argName("ID")
                .desc("replay from this raw batch on (every later batch with it)").build());
        options.addOption(Option.builder().longOpt("dry-run")
                .desc("say what would be replayed and put back, change nothing").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        if (line.hasOption("since") && line.hasOption("batch")) {
            throw new UserError("give --since or --batch, not both");
        }
        Optional<Instant> since = Optional.ofNullable(line.getOptionValue("since")).map(ReplayCommand::instant);
        Optional<String> batch = Optional.ofNullable(line.getOptionValue("batch"));
        Duration patience = Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0));
        try (Context context = new Context("strata replay", line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec"), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
            if (line.hasOption("dry-run")) {
                Replay.Plan plan = new Replay(context.spark(), context.lake(), context.catalog(), sqlRoot,
                        java.time.Clock.systemUTC()).plan(spec, since, batch);
                if (plan.isEmpty()) {
                    console.out().println("nothing to replay: no raw batch of " + spec.name() + " matches");
                } else {
                    console.out().println("replay " + spec.name() + " (dry run, nothing changed):");
                    plan.describe().forEach(l -> console.out().println("  " + l));
                }
                return 0;
            }
            return PipelineCommand.underLock(context, spec, patience, console, "replay", true, (log, clock, runId) -> {
                Replay replay = new Replay(context.spark(), context.lake(), context.catalog(), sqlRoot, clock);
                Replay.Plan plan = replay.plan(spec, since, batch);
                if (plan.isEmpty()) {
                    log.info("replay: nothing to replay: no raw batch of " + spec.name() + " matches");
                    return;
                }
                plan.describe().forEach(l -> log.info("replay: " + l));
                replay.run(spec, plan, log);
            });
        }
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--since takes a day (2024-03-04) or an instant (2024-03-04T12:00:00Z), not '" + text
                    + "'");
        }
    }
}
