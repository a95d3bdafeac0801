package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.samples.GenerationReport;
import dev.strata.samples.ServiceRequestGenerator;
import dev.strata.samples.cdp.CdpSummary;
import dev.strata.samples.cdp.CustomerGenerator;
import dev.strata.samples.mimic.GenerationSummary;
import dev.strata.samples.mimic.MimicGenerator;
import dev.strata.samples.parking.ParkingCitationGenerator;
import dev.strata.samples.telemetry.FeedFormat;
import dev.strata.samples.telemetry.TelemetryGenerator;
import dev.strata.samples.telemetry.TelemetryReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    public boolean needsSampleGenerators() {
        return true;
    }

    @Override
    public String summary() {
        return "write deterministic sample data: generate service_requests|mimic|cdp|febrl|telemetry|parking_citations ... --out DIR";
    }

    @Override
    public String usage() {
        return "service_requests --rows N [--seed S] [--files K] --out DIR\n"
                + "       strata generate mimic --patients N [--seed S] [--gzip] [--lower-case-headers] --out DIR\n"
                + "       strata generate cdp --people N [--seed S] --out DIR\n"
                + "       strata generate febrl --entities N [--linkage | --duplicates-max K] [--seed S] --out DIR\n"
                + "       strata generate telemetry --vehicles N --days D [--seed S] [--start YYYY-MM-DD]"
                + " [--format telemetry|avl] [--defect-rate R] --out DIR\n"
                + "       strata generate parking_citations --days D [--per-day N] [--seed S] [--start YYYY-MM-DD]"
                + " [--defect-rate R] --out DIR";
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("rows").hasArg().argName("N").desc("rows to write").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed (default 311)")
                .build());
        options.addOption(Option.builder().longOpt("files").hasArg().argName("K")
                .desc("split the rows over K files (default 1)").build());
        options.addOption(Option.builder().longOpt("patients").hasArg().argName("N")
                .desc("mimic: patients to write").build());
        options.addOption(Option.builder().longOpt("people").hasArg().argName("N")
                .desc("cdp: people whose records to write").build());
        options.addOption(Option.builder().longOpt("entities").hasArg().argName("N")
                .desc("febrl: entities (originals) to write").build());
        options.addOption(Option.builder().longOpt("linkage")
                .desc("febrl: two files to link (A every original, B one duplicate of each) instead of one").build());
        options.addOption(Option.builder().longOpt("duplicates-max").hasArg().argName("K")
                .desc("febrl: at most K duplicates of an original in the deduplication file (default 5)").build());
        options.addOption(Option.builder().longOpt("vehicles").hasArg().argName("N")
                .desc("telemetry: vehicles in the fleet").build());
        options.addOption(Option.builder().longOpt("days").hasArg().argName("D")
                .desc("telemetry, parking_citations: days, one file each").build());
        options.addOption(Option.builder().longOpt("per-day").hasArg().argName("N")
                .desc("parking_citations: citations issued per day (default "
                        + ParkingCitationGenerator.DEFAULT_PER_DAY + ")").build());
        options.addOption(Option.builder().longOpt("start").hasArg().argName("YYYY-MM-DD")
                .desc("telemetry, parking_citations: the first day (default " + TelemetryGenerator.DEFAULT_START
                        + " for telemetry, the day before the spring clock change; "
                        + ParkingCitationGenerator.DEFAULT_START + " for citations)").build());
        options.addOption(Option.builder().longOpt("format").hasArg().argName("telemetry|avl")
                .desc("telemetry: the telematics export (default) or an AVL export (vehicle, time, position, speed,"
                        + " route)").build());
        options.addOption(Option.builder().longOpt("defect-rate").hasArg().argName("R")
                .desc("telemetry, parking_citations: the share of lines broken on purpose (default "
                        + TelemetryGenerator.DEFAULT_DEFECT_RATE + ")").build());
        options.addOption(Option.builder().longOpt("gzip").desc("mimic: write .csv.gz files").build());
        options.addOption(Option.builder().longOpt("lower-case-headers")
                .desc("mimic: lower-case headers, as the public demo has them").build());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder").build());
        options.addOption(Option.builder().longOpt("help").desc("show this help").build());
        return options;
    }

    @Override
    public int execute(CommandLine line, Console console) throws IOException {
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("mimic")) {
            return mimic(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("cdp")) {
            return cdp(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("febrl")) {
            return febrl(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("telemetry")) {
            return telemetry(line, console);
        }
        if (line.getArgList().size() == 1 && line.getArgList().get(0).equals("parking_citations")) {
            return parkingCitations(line, console);
        }
        if (line.getArgList().size() != 1 || !line.getArgList().get(0).equals("service_requests")) {
            throw new UserError("name what to generate: service_requests, mimic, cdp, febrl, telemetry or"
                    + " parking_citations");
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

    private static int mimic(CommandLine line, Console console) throws IOException {
        if (!line.hasOption("patients") || !line.hasOption("out")) {
            throw new UserError("--patients N and --out DIR are required");
        }
        long patients = CommonOptions.number(line, "patients", 0, 1);
        if (patients > MimicGenerator.MAX_PATIENTS) {
            throw new UserError("--patients must be at most " + MimicGenerator.MAX_PATIENTS + ", not " + patients);
        }
        long seed = CommonOptions.number(line, "seed", 3, Long.MIN_VALUE);
        Path out = Path.of(line.getOptionValue("out"));
        long start = System.nanoTime();
        GenerationSummary summary = new MimicGenerator(seed).write(out, (int) patients,
                new MimicGenerator.Options(line.hasOption("gzip"), line.hasOption("lower-case-headers")));
        console.out().printf("wrote MIMIC-III-shaped data for %,d patients to %s in %.1fs%n", patients, out,
                (System.nanoTime() - start) / 1e9);
        console.out().println(summary);
        return 0;
    }

    private static int cdp(CommandLine line, Console console) throws IOException {
        if (!line.hasOption("people") || !line.hasOption("out")) {
            throw new UserError("--people N and --out DIR are required");
        }
        long people = CommonOptions.number(line, "people", 0, 1);
        if (people > CustomerGenerator.MAX_PEOPLE) {
            throw new UserError("--people must be at most " + CustomerGenerator.MAX_PEOPLE + ", not " + people);
        }
        Path out = Path.of(line.getOptionValue("out"));
        long start = System.nanoTime();
        CdpSummary summary = new CustomerGenerator(CommonOptions.number(line, "seed", 7, Long.MIN_VALUE))
                .write(out, (int) people);
        console.out().printf("wrote CDP sources for %,d people to %s in %.1fs%n", people, out,
                (System.nanoTime() - start) / 1e9);
        console.out().println(summary);
        return 0;
    }

    private static int telemetry(CommandLine line, Console console) throws IOException {
        if (!line.hasOption("vehicles") || !line.hasOption("days") || !line.hasOption("out")) {
            throw new UserError("--vehicles N, --days D and --out DIR are required");
        }
        long vehicles = CommonOptions.number(line, "vehicles", 0, 1);
        if (vehicles > TelemetryGenerator.MAX_VEHICLES) {
            throw new UserError("--vehicles must be at most " + TelemetryGenerator.MAX_VEHICLES + ", not " + vehicles);
        }
        long days = CommonOptions.number(line, "days", 0, 1);
        if (days > TelemetryGenerator.MAX_DAYS) {
            throw new UserError("--days must be at most " + TelemetryGenerator.MAX_DAYS + ", not " + days);
        }
        LocalDate start = startDay(line, TelemetryGenerator.DEFAULT_START);
        String formatName = line.getOptionValue("format", "telemetry");
        FeedFormat format = java.util.Arrays.stream(FeedFormat.values()).filter(f -> f.key().equals(formatName))
                .findFirst().orElseThrow(() -> new UserError("--format must be telemetry or avl, not '" + formatName
                        + "'"));
        double defectRate = defectRate(line);
        Path out = Path.of(line.getOptionValue("out"));
        long begin = System.nanoTime();
        TelemetryReport report = new TelemetryGenerator(CommonOptions.number(line, "seed",
                TelemetryGenerator.DEFAULT_SEED, Long.MIN_VALUE),
                defectRate).write(out, (int) vehicles, (int) days, start, format);
        console.out().printf("wrote %s feeds of %,d vehicle(s) over %,d day(s) from %s to %s in %.1fs%n", format.key(),
                vehicles, days, start, out, (System.nanoTime() - begin) / 1e9);
        console.out().println(report);
        return 0;
    }

    private static int parkingCitations(CommandLine line, Console console) throws IOException {
        if (!line.hasOption("days") || !line.hasOption("out")) {
            throw new UserError("--days D and --out DIR are required");
        }
        long days = CommonOptions.number(line, "days", 0, 1);
        if (days > ParkingCitationGenerator.MAX_DAYS) {
            throw new UserError("--days must be at most " + ParkingCitationGenerator.MAX_DAYS + ", not " + days);
        }
        long perDay = CommonOptions.number(line, "per-day", ParkingCitationGenerator.DEFAULT_PER_DAY, 1);
        if (perDay > ParkingCitationGenerator.MAX_PER_DAY) {
            throw new UserError("--per-day must be at most " + ParkingCitationGenerator.MAX_PER_DAY + ", not "
                    + perDay);
        }
        LocalDate start = startDay(line, ParkingCitationGenerator.DEFAULT_START);
        Path out = Path.of(line.getOptionValue("out"));
        long begin = System.nanoTime();
        ParkingCitationGenerator.Report report = new ParkingCitationGenerator(CommonOptions.number(line, "seed",
                ParkingCitationGenerator.DEFAULT_SEED, Long.MIN_VALUE), defectRate(line))
                .write(out, (int) days, (int) perDay, start);
        console.out().printf("wrote %,d day(s) of parking citations from %s to %s in %.1fs%n", days, start, out,
                (System.nanoTime() - begin) / 1e9);
        console.out().println(report);
        return 0;
    }

    private static LocalDate startDay(CommandLine line, LocalDate otherwise) {
        if (!line.hasOption("start")) {
            return otherwise;
        }
        try {
            return LocalDate.parse(line.getOptionValue("start"));
        } catch (DateTimeParseException e) {
            throw new UserError("--start must be a date like 2024-03-09, not '" + line.getOptionValue("start") + "'");
        }
    }

    private static double defectRate(CommandLine line) {
        if (!line.hasOption("defect-rate")) {
            return TelemetryGenerator.DEFAULT_DEFECT_RATE;
        }
        String text = line.getOptionValue("defect-rate");
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate <= 0.5)) {
            throw new UserError("--defect-rate must be a number from 0 to 0.5, not '" + text + "'");
        }
        return rate;
    }

    /** FEBRL-format record-linkage test files, made by this project's generator (never FEBRL's own data). */
    private static int febrl(CommandLine line, Console console) throws IOException {
        if (!line.hasOption("entities") || !line.hasOption("out")) {
            throw new UserError("--entities N and --out DIR are required");
        }
        if (line.hasOption("linkage") && line.hasOption("duplicates-max")) {
            throw new UserError("--duplicates-max is for a deduplication file, not with --linkage");
        }
        int entities = (int) CommonOptions.number(line, "entities", 0, 1);
        Path out = Path.of(line.getOptionValue("out"));
        java.nio.file.Files.createDirectories(out);
        dev.strata.samples.cdp.FebrlWriter writer = new dev.strata.samples.cdp.FebrlWriter(
                CommonOptions.number(line, "seed", 7, Long.MIN_VALUE));
        Object summary = line.hasOption("linkage")
                ? writer.writeLinkage(out.resolve("febrl_linkage_a.csv"), out.resolve("febrl_linkage_b.csv"), entities)
                : writer.writeDedup(out.resolve("febrl_dedup.csv"), entities,
                        (int) CommonOptions.number(line, "duplicates-max", 5, 1));
        console.out().printf("wrote FEBRL-format %s file(s) for %,d entities to %s%n",
                line.hasOption("linkage") ? "linkage" : "deduplication", entities, out);
        console.out().println(summary);
        return 0;
    }
}
