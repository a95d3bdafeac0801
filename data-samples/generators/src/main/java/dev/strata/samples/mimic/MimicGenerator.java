package dev.strata.samples.mimic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Deterministic synthetic data in the shape of MIMIC-III v1.4: the 23 tables of {@link MimicTable} with
 * their real column names and order, written as MIMIC writes them (text quoted, timestamps
 * {@code yyyy-MM-dd HH:mm:ss}, nulls empty), for any number of patients in constant memory. No real
 * patient is in it: every value is drawn from the code catalogue ({@code generate/mimic/*.csv} on the
 * class path) and the seed.
 *
 * <p>What it looks like: subjects 1..N, HADM_ID from 100001 and ICUSTAY_ID from 200001; about 1.3
 * admissions a patient (up to 5) of 2 to 15 days between 2001 and 2012 (de-shifted years, not MIMIC's
 * 2100s), about 1.2 ICU stays an admission, CareVue before June 2008 and MetaVision after, TRANSFERS
 * and SERVICES consistent with the stays, about 9% of admissions ending in a death in hospital and
 * later deaths from the social security index, about 7% of patients older than 89 with their date of
 * birth shifted 300 years back (age 300 at admission) as MIMIC does. Per patient, about 12 diagnoses, 5
 * procedures, 5 CPT events, 30 prescriptions, 145 lab results (10% outpatient, without HADM_ID) and 330
 * chart events, driven by the catalogue's {@code per_day} figures; 10,000 patients make about 5.7 million
 * rows (570 MB of CSV), written at several hundred thousand rows a second.
 *
 * <p>Determinism: the same seed and patient count give byte-identical files (plain or gzip). Each
 * patient's data is drawn from the seed and the subject id alone, and identifiers are handed out in
 * subject order, so the rows of the first k patients of an N-patient run are exactly those of a
 * k-patient run (a prefix of every patient table).
 */
public final class MimicGenerator {

    /** The most patients one run may write (ROW_IDs stay within a 32-bit INT). */
    public static final int MAX_PATIENTS = 5_000_000;

    private final long seed;
    private final Catalogue catalogue;
    private final DictionaryRows dictionary;

    /**
     * How to write the files.
     *
     * @param gzip write {@code <TABLE>.csv.gz} instead of {@code <TABLE>.csv}
     * @param lowerCaseHeaders write the header as the public demo does ({@code row_id,subject_id,...}, bare)
     *     instead of as the full distribution does ({@code "ROW_ID","SUBJECT_ID",...})
     * @param chartScale a factor on CHARTEVENTS volume (0 to 10; 1 by default), e.g. to keep a committed
     *     sample small; no other table changes with it
     */
    public record Options(boolean gzip, boolean lowerCaseHeaders, double chartScale) {

        public Options {
            if (!(chartScale >= 0 && chartScale <= 10)) {
                throw new IllegalArgumentException("chart scale must be within 0..10, cannot be: " + chartScale);
            }
        }

        /** These options with the full chart volume. */
        public Options(boolean gzip, boolean lowerCaseHeaders) {
            this(gzip, lowerCaseHeaders, 1);
        }

        /** Plain {@code .csv}, upper-case quoted headers, full chart volume. */
        public static Options defaults() {
            return new Options(false, false, 1);
        }

        public Options withGzip(boolean gzip) {
            return new Options(gzip, lowerCaseHeaders, chartScale);
        }

        public Options withLowerCaseHeaders(boolean lowerCaseHeaders) {
            return new Options(gzip, lowerCaseHeaders, chartScale);
        }

        public Options withChartScale(double chartScale) {
            return new Options(gzip, lowerCaseHeaders, chartScale);
        }
    }

    /**
     * A generator drawing from the catalogue on the class path.
     *
     * @throws IllegalStateException when a catalogue file is missing
     * @throws IllegalArgumentException when a catalogue file is malformed (the message says which and where)
     */
    public MimicGenerator(long seed) {
        this(seed, Catalogue.load());
    }

    MimicGenerator(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
        this.dictionary = new DictionaryRows(catalogue);
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes the 23 tables for {@code patients} patients into {@code outDir} (created if needed; files of
     * the same names are replaced) and returns the records written per table.
     */
    public GenerationSummary write(Path outDir, int patients, Options options) throws IOException {
        Objects.requireNonNull(outDir, "outDir is null");
        Objects.requireNonNull(options, "options is null");
        if (patients < 0 || patients > MAX_PATIENTS) {
            throw new IllegalArgumentException("patients must be within 0.." + MAX_PATIENTS + ", cannot be: "
                    + patients);
        }
        Caregivers caregivers = new Caregivers(seed);
        PatientFactory factory = new PatientFactory(seed, catalogue);
        List<PatientRows> writers = List.of(new AdmissionRows(options.chartScale() > 0),
                new BillingRows(seed, catalogue), new PrescriptionRows(seed, catalogue), new LabRows(seed, catalogue),
                new ChartRows(seed, catalogue, caregivers, options.chartScale()), new MicrobiologyRows(seed, catalogue),
                new FluidRows(seed, caregivers), new NoteRows(seed, catalogue, caregivers), new DrgRows(seed),
                new DateRows(seed, caregivers));
        try (TableFiles files = TableFiles.create(outDir, options.gzip(), options.lowerCaseHeaders())) {
            caregivers.write(files.writer(MimicTable.CAREGIVERS));
            dictionary.write(files);
            Identifiers ids = new Identifiers();
            for (int subject = 1; subject <= patients; subject++) {
                Patient patient = factory.patient(subject, ids);
                for (PatientRows writer : writers) {
                    writer.write(patient, files);
                }
            }
            return new GenerationSummary(files.records());
        }
    }

    /**
     * {@code [mimic] --patients N [--seed S] --out DIR [--gzip] [--lower-case-headers] [--chart-scale X]}:
     * writes the files and prints the rows per table, like {@code strata generate mimic} but without Spark
     * on the class path. The seed is 3 when not given.
     */
    public static void main(String[] args) throws IOException {
        String usage = "usage: [mimic] --patients N [--seed S] --out DIR [--gzip] [--lower-case-headers] "
                + "[--chart-scale X]";
        Map<String, String> values = new HashMap<>();
        boolean gzip = false;
        boolean lowerCase = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "mimic" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("unexpected argument 'mimic'; " + usage);
                    }
                }
                case "--gzip" -> gzip = true;
                case "--lower-case-headers" -> lowerCase = true;
                case "--patients", "--seed", "--out", "--chart-scale" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value; " + usage);
                    }
                    values.put(args[i].substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; " + usage);
            }
        }
        if (!values.containsKey("patients") || !values.containsKey("out")) {
            throw new IllegalArgumentException("--patients N and --out DIR are required; " + usage);
        }
        int patients = Integer.parseInt(values.get("patients"));
        long seed = Long.parseLong(values.getOrDefault("seed", "3"));
        Options options = new Options(gzip, lowerCase, Double.parseDouble(values.getOrDefault("chart-scale", "1")));
        Path out = Path.of(values.get("out"));
        long start = System.nanoTime();
        GenerationSummary summary = new MimicGenerator(seed).write(out, patients, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "wrote %,d patients (seed %d) to %s in %.1fs, %,.0f rows/s%n", patients, seed,
                out, seconds, summary.totalRows() / seconds);
    }
}
