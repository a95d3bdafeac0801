package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Checks a spec, and that its SQL files exist, without starting Spark; says where its tables would be published. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a pipeline spec (and its SQL files) without starting Spark; show where it publishes";
    }

    @Override
    public String usage() {
        return "--spec NAME|FILE|s3a://URI [--sql-root DIR|s3a://URI] [--conf KEY=VALUE] [S3 options]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("NAME|FILE|URI").desc("the spec").build());
        options.addOption(Option.builder().longOpt("sql-root").hasArg().argName("DIR|URI")
                .desc("where curated SQL is read from (default: the jar's sql/)").build());
        return CommonOptions.storage(options);
    }

    @Override
    public int execute(CommandLine line, Console console) {
        // the settings are checked as a run would check them (a Delta log store not on the class path, say)
        Lake lake = new Lake(".", CommonOptions.settings(line).hadoopConf("strata validate"));
        PipelineSpec spec = SpecReference.load(line.getOptionValue("spec"), lake);
        SqlRoot sql = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), lake);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < spec.curated().size(); i++) {
            CuratedStep step = spec.curated().get(i);
            if (step.sql().isPresent()) {
                try {
                    sql.read(step.sql().get());
                } catch (UserError e) {
                    missing.add(spec.origin() + ": curated[" + i + "].sql: " + e.getMessage());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError(String.join("\n", missing));
        }
        console.out().printf("ok: %s (pipeline %s: %d source(s), %s%d curated step(s))%n", spec.origin(), spec.name(),
                spec.sources().size(), spec.identity().map(i -> "identity of " + i.entity() + " over "
                        + i.records().size() + " source(s), ").orElse(""), spec.curated().size());
        new PublishSummary(spec).lines().forEach(console.out()::println);
        return 0;
    }
}
