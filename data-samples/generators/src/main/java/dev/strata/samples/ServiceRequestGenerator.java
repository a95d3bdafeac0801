package dev.strata.samples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Deterministic city 311 service requests in the shape of Denver's open data export (25 fields,
 * Denver's header names and date formats): two calendar years of cases (2024 and 2025) with a
 * seasonal, weekday and daytime profile, snowstorms, Denver's departments, case sources, realistic
 * resolution times, the 78 neighborhoods with their council and police districts and coordinates
 * inside the city, summaries that sometimes hold commas, double quotes or a line break (valid RFC 4180,
 * quoted), and about 1% defective rows of every {@link Defect} kind, one defect per row.
 *
 * <p>The same seed and arguments give byte-identical output; another seed gives other data. Rows are
 * made lazily, so any count fits in constant memory. Rows are in creation order and the first half of
 * them is created in 2024, the second half in 2025: written as two files, {@code part-00000} holds 2024
 * and {@code part-00001} holds 2025.
 *
 * <p>Conflicting duplicates: a {@link Defect#DUPLICATE_CONFLICT} row repeats the OBJECTID and the
 * Case Created dttm of an earlier good row of the same file (and year) with a later status or closing
 * time. With {@code dedup: {order_by: [case_created_dttm], keep: last}} the created times tie and the
 * later line wins, so the update is kept and the earlier row is the loser.
 */
public final class ServiceRequestGenerator {

    /** The defect rate when none is given. */
    public static final double DEFAULT_DEFECT_RATE = 0.01;
    /** The header line, without its line end. */
    public static final String HEADER = String.join(",", CsvLine.HEADER);

    private final long seed;
    private final double defectRate;
    private final CaseFactory factory;

    public ServiceRequestGenerator(long seed) {
        this(seed, DEFAULT_DEFECT_RATE);
    }

    /** @param defectRate the share of rows with a defect, 0 to 0.5 */
    public ServiceRequestGenerator(long seed, double defectRate) {
        if (!(defectRate >= 0 && defectRate <= 0.5)) {
            throw new IllegalArgumentException("defect rate must be within 0..0.5, cannot be: " + defectRate);
        }
        this.seed = seed;
        this.defectRate = defectRate;
        this.factory = new CaseFactory(seed);
    }

    public long seed() {
        return seed;
    }

    public double defectRate() {
        return defectRate;
    }

    /** {@code count} rows as one file holds them (the same rows as two files hold), lazily, in order. */
    public Stream<GeneratedRow> rows(long count) {
        return rows(count, 1);
    }

    /**
     * The rows that {@link #write} writes when splitting {@code count} rows over {@code files} files,
     * lazily, in order (file by file). A duplicate repeats an earlier row of the same file and the same
     * year, so for one and two files the rows are the same; for more files they differ only in which
     * earlier rows duplicates repeat.
     */
    public Stream<GeneratedRow> rows(long count, int files) {
        return StreamSupport.stream(Spliterators.spliterator(iterator(count, files), count,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Writes {@code rows} rows split evenly, in order, over {@code files} files named
     * {@code service_requests_part-00000.csv}, ..., each starting with the header line. Existing files of
     * the same names are replaced.
     */
    public GenerationReport write(Path directory, long rows, int files) throws IOException {
        return write(directory, rows, files,
                file -> String.format(Locale.ROOT, "service_requests_part-%05d.csv", file));
    }

    private GenerationReport write(Path directory, long rows, int files, IntFunction<String> names)
            throws IOException {
        Files.createDirectories(directory);
        List<Path> paths = new ArrayList<>();
        long[] ends = new long[files];
        for (int file = 0; file < files; file++) {
            paths.add(directory.resolve(names.apply(file)));
            ends[file] = RowSequence.fileStart(rows, files, file + 1);
        }
        return write(iterator(rows, files), paths, ends, rows);
    }

    /**
     * Writes the rows of one sequence of {@code rows} rows (the rows one file would hold) cut into consecutive
     * files, like the deliveries of one export over time: file i holds the rows from {@code ends[i - 1]} (0 for
     * the first) up to {@code ends[i]}, each file starting with the header line; rows after the last end are not
     * written (the cases still fall where a sequence of {@code rows} places them in time). A duplicate may repeat
     * a row of an earlier file, so a later file updates cases an earlier one delivered. The folders of the files
     * must exist; files of the same names are replaced.
     *
     * @param ends where each file ends, increasing; the last at most {@code rows}
     */
    public GenerationReport writeDeliveries(List<Path> files, long rows, long[] ends) throws IOException {
        Objects.requireNonNull(files, "files is null");
        Objects.requireNonNull(ends, "ends is null");
        if (files.isEmpty() || files.size() != ends.length) {
            throw new IllegalArgumentException("one end per file is needed, cannot be: " + files.size() + " files and "
                    + ends.length + " ends");
        }
        for (int i = 0; i < ends.length; i++) {
            long start = i == 0 ? 0 : ends[i - 1];
            if (ends[i] < start) {
                throw new IllegalArgumentException("file ends must not decrease, cannot be: " + ends[i] + " after "
                        + start);
            }
        }
        if (ends[ends.length - 1] > rows) {
            throw new IllegalArgumentException("the last file must end at " + rows + " or before, cannot be: "
                    + ends[ends.length - 1]);
        }
        return write(iterator(rows, 1), files, ends, ends[ends.length - 1]);
    }

    private static GenerationReport write(Iterator<GeneratedRow> iterator, List<Path> paths, long[] ends, long rows)
            throws IOException {
        byte[] header = CsvLine.header();
        Map<Defect, Long> defects = new EnumMap<>(Defect.class);
        long bytes = 0;
        long quoted = 0;
        long multiline = 0;
        long next = 0;
        for (int file = 0; file < paths.size(); file++) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(paths.get(file)), 1 << 20)) {
                out.write(header);
                out.write('\n');
                bytes += header.length + 1;
                for (; next < ends[file]; next++) {
                    GeneratedRow row = iterator.next();
                    row.writeTo(out);
                    bytes += row.length();
                    defects.merge(row.defect(), 1L, Long::sum);
                    if (row.defect() == Defect.NONE && row.quoted()) {
                        quoted++;
                        if (row.multiline()) {
                            multiline++;
                        }
                    }
                }
            }
        }
        return new GenerationReport(paths, rows, bytes, defects, quoted, multiline);
    }

    private Iterator<GeneratedRow> iterator(long count, int files) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, cannot be: " + count);
        }
        if (files < 1) {
            throw new IllegalArgumentException("files must be at least 1, cannot be: " + files);
        }
        return new RowSequence(factory, seed, defectRate, count, files);
    }

    /**
     * {@code [service_requests] --rows N [--seed S] [--files K] [--defect-rate R] --out DIR}: writes the files
     * and prints the report, like {@code strata generate service_requests} but without Spark on the class path.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (!args[i].equals("service_requests")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; usage: [service_requests] "
                        + "--rows N [--seed S] [--files K] [--defect-rate R] --out DIR");
            }
        }
        if (!options.containsKey("rows") || !options.containsKey("out")) {
            throw new IllegalArgumentException("--rows N and --out DIR are required");
        }
        ServiceRequestGenerator generator = new ServiceRequestGenerator(Long.parseLong(options.getOrDefault("seed",
                "311")), Double.parseDouble(options.getOrDefault("defect-rate", String.valueOf(DEFAULT_DEFECT_RATE))));
        Path out = Path.of(options.get("out"));
        long start = System.nanoTime();
        GenerationReport report = generator.write(out, Long.parseLong(options.get("rows")),
                Integer.parseInt(options.getOrDefault("files", "1")));
        System.out.printf(Locale.ROOT, "wrote %s to %s in %.1fs%n", report, out, (System.nanoTime() - start) / 1e9);
    }
}
