package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.generate.GenerationReport;
import dev.strata.etl.generate.ServiceRequestGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Writes deterministic sample data of any size. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write deterministic sample data: generate service_requests --rows N --seed S --out DIR";
    }

    @Override
    public String usage() {
        return "service_requests --rows N [--seed S] [--files K] --out DIR";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("rows").hasArg().argName("N").desc("rows to write").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed (default 311)")
                .build());
        options.addOption(Option.builder().longOpt("files").hasArg().argName("K")
                .desc("split the rows over K files (default 1)").build());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder").build());
        options.addOption(Option.builder().longOpt("help").desc("show this help").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) throws IOException {
        if (line.getArgList().size() != 1 || !line.getArgList().get(0).equals("service_requests")) {
            throw new UserError("name what to generate: service_requests");
        }
        if (!line.hasOption("rows") || !line.hasOption("out")) {
            throw new UserError("--rows N and --out DIR are required");
        }
        long rows = CommonOptions.number(line, "rows", 0, 1);
        long seed = CommonOptions.number(line, "seed", 311, Long.MIN_VALUE);
        int files = (int) CommonOptions.number(line, "files", 1, 1);
        Path out = Path.of(line.getOptionValue("out"));
        long start = System.nanoTime();
        GenerationReport report = new ServiceRequestGenerator(seed).write(out, rows, files);
        console.out().printf("wrote %,d rows in %d file(s) to %s in %.1fs%n", rows, files, out,
                (System.nanoTime() - start) / 1e9);
        console.out().println(report);
        return 0;
    }
}
