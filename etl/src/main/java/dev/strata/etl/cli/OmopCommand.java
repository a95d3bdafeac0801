package dev.strata.etl.cli;

import dev.strata.etl.DataQualityFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.SessionTables;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.omop.OmopReports;
import dev.strata.etl.spec.PipelineSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * MIMIC-III into OMOP CDM v5.4: the bundled mimic_omop pipeline (raw, clean, the CDM tables, staging for
 * Redshift COPY) followed by the mapping and data-quality reports; with --strict a failed check fails the run.
 */
final class OmopCommand implements Command {

    @Override
    public String name() {
        return "omop";
    }

    @Override
    public String summary() {
        return "convert MIMIC-III to OMOP CDM v5.4 with vocabulary mapping, data-quality checks and Redshift staging";
    }

    @Override
    public String usage() {
        return "[--mimic DIR] [--vocab DIR] [--mappings DIR] [--lake PATH] [--note-text] [--strict]\n"
                + "       strata omop report [--lake PATH] [--strict]   (the mapping and data-quality reports of a converted lake)";
    }

    @Override
    public Options options() {
        Options options = CommonOptions.profile(PublishOptions.publish(CommonOptions.lake(new Options())));
        options.addOption(Option.builder().longOpt("mimic").hasArg().argName("DIR|s3a://URI")
                .desc("MIMIC-III CSV files, .csv or .csv.gz (default: the bundled synthetic sample)").build());
        options.addOption(Option.builder().longOpt("vocab").hasArg().argName("DIR|s3a://URI")
                .desc("the OHDSI vocabulary as Athena exports it (default: the bundled subset)").build());
        options.addOption(Option.builder().longOpt("mappings").hasArg().argName("DIR|s3a://URI")
                .desc("source_to_concept_map style CSVs for MIMIC-local codes (default: data-samples/mimic/mappings)")
                .build());
        options.addOption(Option.builder().longOpt("note-text").desc("copy note text into note.note_text").build());
        options.addOption(Option.builder().longOpt("strict")
                .desc("fail (exit 3) when a data-quality check is above its threshold").build());
        options.addOption(Option.builder().longOpt("sql-root").hasArg().argName("DIR|s3a://URI")
                .desc("read the transformation SQL from here instead of the jar's sql/").build());
        options.addOption(Option.builder().longOpt("wait").hasArg().argName("SECONDS")
                .desc("if a conversion is already running on this lake, wait this long for it (default 0)").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.equals(List.of("report"))) {
            try (Context context = new Context("strata omop report", line)) {
                report(context, line, console);
                return 0;
            }
        }
        if (!args.isEmpty()) {
            throw new UserError("omop takes no arguments but report, not '" + String.join(" ", args) + "'");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : List.of("mimic", "vocab", "mappings")) {
            if (line.hasOption(name)) {
                variables.put(name, line.getOptionValue(name));
            }
        }
        variables.put("note_text", String.valueOf(line.hasOption("note-text")));
        try (Context context = new Context("strata omop", line)) {
            PipelineSpec spec = SpecReference.load("mimic_omop", context.lake(), variables);
            for (String name : List.of("mimic", "vocab", "mappings")) {
                String path = spec.variables().get(name);
                if (!path.contains("://") && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(path))) {
                    throw new UserError("--" + name + " " + path + " is not a folder"
                            + (line.hasOption(name) ? "" : " (run from the repository root, or give --" + name + " DIR)"));
                }
            }
            if (BundledVocabulary.isAt(spec.variables().get("vocab"))) {
                console.out().println(BundledVocabulary.NOTICE);
            }
            SqlRoot sqlRoot = new SqlRoot(Optional.ofNullable(line.getOptionValue("sql-root")), context.lake());
            int code;
            try (Publishing publishing = new Publishing(spec, PublishOptions.parse(line))) {
                code = PipelineCommand.runPipeline(context, spec, sqlRoot,
                        Duration.ofSeconds(CommonOptions.number(line, "wait", 0, 0)), console, "omop",
                        List.of(Stage.INGEST, Stage.CLEAN, Stage.CURATE), false, publishing, true);
            }
            report(context, line, console);
            return code;
        }
    }

    /** The mapping and data-quality reports over the lake's OMOP tables; with --strict a failed check fails. */
    private static void report(Context context, CommandLine line, Console console) {
        if (context.catalog().list().stream().noneMatch(e -> e.name().zone().equals("curated")
                && e.name().table().equals("person"))) {
            throw new UserError("omop report: the lake " + context.lake().root() + " has no OMOP tables yet;"
                    + " convert first (strata omop, or ingest, clean and curate --spec mimic_omop)");
        }
        new SessionTables(context.spark(), context.catalog()).bindAll();
        OmopReports.Outcome outcome = new OmopReports(context.spark(), context.lake()).write();
        console.out().printf(Locale.ROOT, "%nmapped: %.1f%% of mapped fields' rows got a standard concept%n",
                100 * outcome.mappedShare());
        console.out().printf(Locale.ROOT, "data quality: %d checks, %d failed%n", outcome.checks(),
                outcome.failed().size());
        outcome.failed().stream().limit(15).forEach(f -> console.out().println("  FAIL " + f));
        if (outcome.failed().size() > 15) {
            console.out().println("  ... and " + (outcome.failed().size() - 15) + " more");
        }
        console.out().println("reports: " + outcome.location() + "/mapping_coverage.md, data_quality.md");
        console.out().println("staged for Redshift COPY: " + context.lake().root() + "/staging/omop/<table>/ "
                + "with <table>.manifest; DDL in sql/ddl/redshift/");
        if (line.hasOption("strict") && !outcome.failed().isEmpty()) {
            throw new DataQualityFailure(outcome.failed().size() + " data-quality check(s) failed (--strict); see "
                    + outcome.location() + "/data_quality.md");
        }
    }
}
