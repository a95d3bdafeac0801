package dev.strata.samples.cdp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Deterministic synthetic customer-data-platform sources with ground truth, for identity resolution: for N
 * people (none of them real), four CSV files as four systems would export them —
 * {@code crm.csv} (about 70% of people, 6% of them twice), {@code web.csv} (sign-ups rolled up to one row per
 * account; 60%, 10% with a second account), {@code transactions.csv} (one row per order; 85% of people buy,
 * 1.5 orders each on average) and {@code loyalty.csv} (35%) — about 3 records per person. Every record ends
 * with {@code person_id} ({@code P000123}), the truth that resolution is measured against and must not use.
 *
 * <p>The values carry the noise real sources have, each kind at a documented rate ({@link NoiseRates},
 * {@link SourceRows}, {@link Population}; listed in {@code data-samples/cdp/README.md}): typos, nicknames,
 * swapped names, blanks, case and spacing, gmail dots and +tags, phone formats, moves, households sharing
 * an address and landline, couples sharing an email, second emails, shared devices, duplicates within a
 * source, and junk identifiers ({@code test@test.com}, {@code 0000000000}) on unrelated people.
 *
 * <p>Files: RFC 4180, UTF-8, a header line, {@code \n} line ends; timestamps {@code yyyy-MM-dd'T'HH:mm:ss'Z'}
 * within 2022-2025, dates of birth {@code yyyy-MM-dd}. Each file is in the order of its records' creation
 * time and numbered in that order, so neither row order nor ids reveal who is who.
 *
 * <p>Determinism: the same seed and people give byte-identical files on any machine; the people are made
 * one household at a time, and the first k people of an N-person run are those of a k-person run. Memory
 * stays bounded (records are sorted in runs of {@value OrderedRows#DEFAULT_RUN_SIZE} per file, spilled to
 * temporary files in the output folder) except for the set of email addresses taken, about 16 bytes per
 * address.
 */
public final class CustomerGenerator {

    /** The most people one run may make. */
    public static final int MAX_PEOPLE = 10_000_000;

    private final long seed;
    private final NameTables tables;
    private final int runSize;

    /**
     * A generator drawing from the name tables on the class path.
     *
     * @throws IllegalStateException when a table is missing
     * @throws IllegalArgumentException when a table is malformed (the message says which and where)
     */
    public CustomerGenerator(long seed) {
        this(seed, NameTables.load(), OrderedRows.DEFAULT_RUN_SIZE);
    }

    CustomerGenerator(long seed, NameTables tables, int runSize) {
        this.seed = seed;
        this.tables = Objects.requireNonNull(tables, "tables is null");
        if (runSize < 1) {
            throw new IllegalArgumentException("run size must be at least 1, cannot be: " + runSize);
        }
        this.runSize = runSize;
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes {@code crm.csv}, {@code web.csv}, {@code transactions.csv} and {@code loyalty.csv} for
     * {@code people} people into {@code outDir} (created if needed; files of the same names are replaced) and
     * returns the records written per file and the noise applied.
     */
    public CdpSummary write(Path outDir, int people) throws IOException {
        Objects.requireNonNull(outDir, "outDir is null");
        if (people < 0 || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("people must be within 0.." + MAX_PEOPLE + ", cannot be: " + people);
        }
        Files.createDirectories(outDir);
        NoiseTally tally = new NoiseTally();
        Population population = new Population(seed, tables, people);
        SourceRows sources = new SourceRows(seed, tables, tally);
        Map<CdpSource, OrderedRows> rows = new EnumMap<>(CdpSource.class);
        try {
            for (CdpSource source : CdpSource.values()) {
                rows.put(source, new OrderedRows(outDir, source.name().toLowerCase(Locale.ROOT), runSize));
            }
            SourceRows.RowSink sink = (source, key, tie, line) -> rows.get(source).add(key, tie, line);
            while (population.hasNext()) {
                sources.write(population.next(), sink);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (CdpSource source : CdpSource.values()) {
                counts.put(source.file(), writeFile(outDir.resolve(source.file()), source, rows.get(source)));
            }
            return new CdpSummary(people, counts, tally.counts());
        } finally {
            for (OrderedRows ordered : rows.values()) {
                ordered.close();
            }
        }
    }

    private long writeFile(Path file, CdpSource source, OrderedRows rows) throws IOException {
        long count = rows.size();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write(source.header());
            out.write('\n');
            rows.drain((sequence, line) -> {
                out.write(source.id(sequence, seed));
                out.write(',');
                out.write(line);
                out.write('\n');
            });
        }
        return count;
    }

    /**
     * {@code [cdp] --people N [--seed S] --out DIR} writes the four CDP sources;
     * {@code --febrl dedup|linkage --entities N [--duplicates-max K] [--seed S] --out DIR} writes FEBRL-format
     * files instead ({@code febrl_dedup.csv}, or {@code febrl_linkage_a.csv} and {@code febrl_linkage_b.csv}).
     * The seed is 7 when not given. Prints what was written and how fast.
     */
    public static void main(String[] args) throws IOException {
        String usage = "usage: [cdp] --people N [--seed S] --out DIR | --febrl dedup|linkage --entities N "
                + "[--duplicates-max K] [--seed S] --out DIR";
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "cdp" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("unexpected argument 'cdp'; " + usage);
                    }
                }
                case "--people", "--seed", "--out", "--febrl", "--entities", "--duplicates-max" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value; " + usage);
                    }
                    values.put(args[i].substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; " + usage);
            }
        }
        if (!values.containsKey("out")) {
            throw new IllegalArgumentException("--out DIR is required; " + usage);
        }
        long seed = number(values.getOrDefault("seed", "7"), "--seed");
        Path out = Path.of(values.get("out"));
        long start = System.nanoTime();
        if (values.containsKey("febrl")) {
            if (values.containsKey("people") || !values.containsKey("entities")) {
                throw new IllegalArgumentException("--febrl needs --entities N and no --people; " + usage);
            }
            int entities = count(values.get("entities"), "--entities");
            FebrlWriter writer = new FebrlWriter(seed);
            Files.createDirectories(out);
            FebrlSummary summary = switch (values.get("febrl")) {
                case "dedup" -> writer.writeDedup(out.resolve("febrl_dedup.csv"), entities,
                        count(values.getOrDefault("duplicates-max", "5"), "--duplicates-max"));
                case "linkage" -> {
                    if (values.containsKey("duplicates-max")) {
                        throw new IllegalArgumentException("--duplicates-max is for --febrl dedup; " + usage);
                    }
                    yield writer.writeLinkage(out.resolve("febrl_linkage_a.csv"), out.resolve("febrl_linkage_b.csv"),
                            entities);
                }
                default -> throw new IllegalArgumentException("--febrl must be dedup or linkage, cannot be: '"
                        + values.get("febrl") + "'; " + usage);
            };
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "wrote %,d FEBRL records (%,d originals, %,d duplicates; seed %d) to %s "
                    + "in %.2fs%n", summary.records(), summary.originals(), summary.duplicates(), seed, out, seconds);
            return;
        }
        if (!values.containsKey("people") || values.containsKey("entities") || values.containsKey("duplicates-max")) {
            throw new IllegalArgumentException("--people N is required (--entities and --duplicates-max go with "
                    + "--febrl); " + usage);
        }
        int people = count(values.get("people"), "--people");
        CdpSummary summary = new CustomerGenerator(seed).write(out, people);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "wrote %,d people (seed %d) to %s in %.2fs, %,.0f records/s%n", people, seed,
                out, seconds, summary.totalRows() / seconds);
    }

    private static int count(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, cannot be: '" + text + "'");
        }
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, cannot be: '" + text + "'");
        }
    }
}
