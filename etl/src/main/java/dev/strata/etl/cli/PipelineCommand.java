package dev.strata.etl.cli;

import dev.strata.catalog.TableCatalog;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.publish.Publication;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.StepProfile;
import dev.strata.etl.run.PipelineLock;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.RunStore;
import dev.strata.etl.spec.PipelineSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** ingest, clean, curate and run: the stages of a pipeline, under its lock, with a run record. */
final class PipelineCommand implements Command {

    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String name;
    private final String summary;
    private final List<Pipelines.Stage> stages;

    PipelineCommand(String name, String summary, List<Pipelines.Stage> stages) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.summary = Objects.requireNonNull(summary, "summary is null");
        this.stages = List.copyOf(stages);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        return "--spec NAME|FILE [--lake PATH] [--input SOURCE=PATH] [options]";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.spec(CommonOptions.lake(new Options()));
        return publishes() ? PublishOptions.publish(options) : PublishOptions.catalog(options);
    }

    /** Only a whole run ends by publishing; the single stages register in the catalog chosen. */
    private boolean publishes() {
        return stages.contains(Pipelines.Stage.INGEST) && stages.contains(Pipelines.Stage.CURATE);
    }

    @Override
    public int execute(CommandLine line, Console console) {
        Duration patience = Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0));
        try (Context context = new Context("strata " + name, line)) {
            PipelineSpec spec = SpecReference.load(line.getOptionValue("spec"), context.lake(),
                    CommonOptions.pairs(line, "var")).withInputs(CommonOptions.pairs(line, "input"));
            SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
            try (Publishing publishing = new Publishing(spec, PublishOptions.parse(line))) {
                return runPipeline(context, spec, sqlRoot, patience, console, name, stages, false, publishing,
                        publishes());
            }
        }
    }

    /** Runs stages of a pipeline with its lock held; shared with the demo. */
    static int runPipeline(Context context, PipelineSpec spec, SqlRoot sqlRoot, Duration patience, Console console,
            String command, List<Pipelines.Stage> stages) {
        return runPipeline(context, spec, sqlRoot, patience, console, command, stages, false, null, false);
    }

    /**
     * The same, with the identity stage resolving every record again when {@code fullIdentity}, tables
     * registered in the catalog {@code publishing} chooses (when not null), and the tables published at the
     * end when {@code publish}.
     */
    static int runPipeline(Context context, PipelineSpec spec, SqlRoot sqlRoot, Duration patience, Console console,
            String command, List<Pipelines.Stage> stages, boolean fullIdentity, Publishing publishing,
            boolean publish) {
        TableCatalog catalog = publishing == null ? context.catalog() : publishing.catalog(context.catalog());
        boolean sparkless = stages.equals(List.of(Pipelines.Stage.INGEST));
        return underLock(context, spec, patience, console, command, !sparkless, (log, clock, runId) -> {
            new Pipelines(sparkless ? null : context.spark(),
                    context.lake(), catalog, sqlRoot, clock).fullIdentity(fullIdentity)
                    .run(spec, stages, log);
            if (publish && publishing != null) {
                new Publication(context.spark(), context.lake(), context.catalog())
                        .publish(spec, publishing.targets(runId), publishing.only(), log);
            }
        });
    }

    /** What a command does to a pipeline under its lock, with the run's log, clock and id. */
    @FunctionalInterface
    interface LockedWork {
        void run(RunLog log, Clock clock, String runId);
    }

    /**
     * Runs {@code work} with the pipeline's lock held and a run record written however it ends (and the step
     * profile printed after it when asked and {@code spark}).
     */
    static int underLock(Context context, PipelineSpec spec, Duration patience, Console console, String command,
            boolean spark, LockedWork work) {
        Clock clock = Clock.systemUTC();
        String runId = RUN_TIME.format(clock.instant()) + "-" + spec.name() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        RunLog log = new RunLog(runId, command, spec.name(), spec.origin(), context.lake().root(), clock, console.err());
        log.settings(context.settings().conf());
        RunStore store = new RunStore(context.lake());
        try (PipelineLock lock = PipelineLock.acquire(context.lake(), spec.name(), runId, patience, clock)) {
            log.info("run " + runId + ": " + command + " " + spec.name() + " on lake " + context.lake().root());
            StepProfile profile = context.profile() && spark ? StepProfile.start(context.spark()) : null;
            try {
                work.run(log, clock, runId);
            } catch (RuntimeException e) {
                store.write(log.record("failed", String.valueOf(e.getMessage())));
                console.out().print(log.summary("FAILED"));
                throw e;
            } finally {
                if (profile != null) {
                    profile.print(console.err());
                    profile.close();
                }
            }
            store.write(log.record("succeeded", null));
            console.out().print(log.summary("succeeded"));
            return 0;
        }
    }
}
