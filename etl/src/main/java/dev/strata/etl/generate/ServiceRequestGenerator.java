package dev.strata.etl.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Deterministic city 311 service requests in the shape of Denver's open data: two years of cases with
 * seasonality, a weekday and daytime profile, realistic departments, sources, resolution times and
 * neighbourhoods, and about 1% defective rows of every {@link Defect} kind. The same seed and
 * arguments give the same bytes.
 */
public final class ServiceRequestGenerator {

    public static final String HEADER = "OBJECTID,Case Summary,Case Status,Case Source,Case Created Date,"
            + "Case Created dttm,Case Closed Date,Case Closed dttm,First Call Resolution,Customer Zip Code,"
            + "Incident Address 1,Incident Address 2,Incident Intersection 1,Incident Intersection 2,"
            + "Incident Zip Code,Longitude,Latitude,Agency,Division,Major Area,Type,Topic,Council District,"
            + "Police District,Neighborhood";

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 731;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    /** Relative call volume by hour of day. */
    private static final int[] HOURLY = {2, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 12, 13, 13, 12, 11, 9, 7, 6, 5, 4,
        3, 2};
    /** Relative volume by month (summer is busier). */
    private static final double[] MONTHLY = {0.78, 0.76, 0.88, 0.96, 1.08, 1.18, 1.22, 1.18, 1.06, 0.98, 0.86, 0.80};
    private static final Defect[] DEFECTS = {Defect.UNPARSEABLE_DATE, Defect.MISSING_KEY, Defect.WRONG_TYPE,
        Defect.TOO_FEW_FIELDS, Defect.TOO_MANY_FIELDS, Defect.DUPLICATE_EXACT, Defect.DUPLICATE_CONFLICT,
        Defect.INVALID_UTF8, Defect.OUT_OF_RANGE, Defect.UNKNOWN_STATUS, Defect.CLOSED_BEFORE_CREATED};

    private final long seed;
    private final double defectRate;

    public ServiceRequestGenerator(long seed) {
        this(seed, 0.01);
    }

    public ServiceRequestGenerator(long seed, double defectRate) {
        if (defectRate < 0 || defectRate > 0.5) {
            throw new IllegalArgumentException("defect rate must be within 0..0.5, cannot be: " + defectRate);
        }
        this.seed = seed;
        this.defectRate = defectRate;
    }

    /** The rows, generated lazily: a stream of any length in constant memory. */
    public Stream<GeneratedRow> rows(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, cannot be: " + count);
        }
        return StreamSupport.stream(Spliterators.spliterator(new Rows(count), count, 0), false);
    }

    /** Writes {@code rows} rows split evenly over {@code files} CSV files, each with the header line. */
    public GenerationReport write(Path directory, long rows, int files) throws IOException {
        if (files < 1) {
            throw new IllegalArgumentException("files must be at least 1, cannot be: " + files);
        }
        Files.createDirectories(directory);
        Map<Defect, Long> defects = new EnumMap<>(Defect.class);
        List<Path> paths = new ArrayList<>();
        long bytes = 0;
        long multiline = 0;
        Iterator<GeneratedRow> iterator = rows(rows).iterator();
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        for (int f = 0; f < files; f++) {
            long share = rows / files + (f < rows % files ? 1 : 0);
            Path path = directory.resolve(String.format(Locale.ROOT, "service_requests_part-%05d.csv", f));
            paths.add(path);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
                out.write(header);
                bytes += header.length;
                for (long i = 0; i < share; i++) {
                    GeneratedRow row = iterator.next();
                    out.write(row.csv());
                    bytes += row.csv().length;
                    defects.merge(row.defect(), 1L, Long::sum);
                    if (row.multiline()) {
                        multiline++;
                    }
                }
            }
        }
        return new GenerationReport(paths, rows, bytes, defects, multiline);
    }

    /** The lazily generated sequence; keeps only a small window of recent good rows for duplicates. */
    private final class Rows implements Iterator<GeneratedRow> {
        private final long count;
        private final SplittableRandom random = new SplittableRandom(seed);
        private final GeneratedRow[] recent = new GeneratedRow[256];
        private int recentSize;
        private long produced;
        private long nextId = 4_000_000;
        private final int totalWeight = ServiceCatalog.KINDS.stream().mapToInt(ServiceCatalog.Kind::weight).sum();

        Rows(long count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return produced < count;
        }

        @Override
        public GeneratedRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long index = produced++;
            // the creation time advances with the index so the two years fill evenly in order
            double position = count <= 1 ? 0 : (double) index / (count - 1);
            Defect defect = Defect.NONE;
            if (random.nextDouble() < defectRate) {
                defect = DEFECTS[random.nextInt(DEFECTS.length)];
                if ((defect == Defect.DUPLICATE_EXACT || defect == Defect.DUPLICATE_CONFLICT) && recentSize == 0) {
                    defect = Defect.MISSING_KEY;
                }
            }
            if (defect == Defect.DUPLICATE_EXACT) {
                GeneratedRow original = recent[random.nextInt(recentSize)];
                return new GeneratedRow(original.request(), defect, original.multiline(), original.csv());
            }
            if (defect == Defect.DUPLICATE_CONFLICT) {
                ServiceRequest original = recent[random.nextInt(recentSize)].request();
                ServiceRequest update = updated(original);
                return new GeneratedRow(update, defect, false, csv(update, Defect.NONE));
            }
            ServiceRequest request = request(position);
            boolean multiline = request.caseSummary().indexOf('\n') >= 0;
            GeneratedRow row = new GeneratedRow(request, defect, multiline, csv(request, defect));
            if (defect == Defect.NONE) {
                recent[recentSize < recent.length ? recentSize++ : random.nextInt(recent.length)] = row;
            }
            return row;
        }

        private ServiceRequest request(double position) {
            long id = nextId;
            nextId += 1 + random.nextInt(3);
            LocalDateTime created = createdAt(position);
            ServiceCatalog.Kind kind = kind();
            DenverGeography.Neighborhood hood = DenverGeography.NEIGHBORHOODS.get(
                    random.nextInt(DenverGeography.NEIGHBORHOODS.size()));
            String source = pick(ServiceCatalog.SOURCES, ServiceCatalog.SOURCE_WEIGHTS);
            double roll = random.nextDouble();
            String status = roll < 0.86 ? "Closed" : roll < 0.93 ? "Open" : "In Progress";
            LocalDateTime closed = null;
            if (status.equals("Closed")) {
                double hours = -Math.log(1 - random.nextDouble()) * kind.hoursToClose();
                closed = created.plusSeconds(60 + (long) (hours * 3600));
            }
            boolean firstCall = status.equals("Closed") && (kind.type().equals("General Inquiry")
                    ? random.nextDouble() < 0.85 : source.equals("Phone") && random.nextDouble() < 0.25);
            int number = 100 + random.nextInt(9800);
            String street = DenverGeography.STREETS[random.nextInt(DenverGeography.STREETS.length)];
            boolean intersection = random.nextDouble() < 0.2;
            String address1 = intersection ? null : number + " " + (random.nextBoolean() ? "W " : "E ") + street;
            String address2 = !intersection && random.nextDouble() < 0.08 ? "Unit " + (1 + random.nextInt(40)) : null;
            String cross1 = intersection ? street : null;
            String cross2 = intersection
                    ? DenverGeography.STREETS[random.nextInt(DenverGeography.STREETS.length)] : null;
            boolean located = random.nextDouble() < 0.82;
            Double longitude = located ? round(hood.longitude() + (random.nextDouble() - 0.5) * 0.02, 6) : null;
            Double latitude = located ? round(hood.latitude() + (random.nextDouble() - 0.5) * 0.015, 6) : null;
            String where = address1 != null ? address1 : cross1 + " & " + cross2;
            String summary = summary(kind, where);
            String customerZip = random.nextDouble() < 0.7 ? String.valueOf(80202 + random.nextInt(48)) : null;
            return new ServiceRequest(id, summary, status, source, created, closed, firstCall, customerZip,
                    address1, address2, cross1, cross2, hood.zip(), longitude, latitude, kind.agency(),
                    kind.division(), kind.majorArea(), kind.type(), kind.topic(), hood.councilDistrict(),
                    hood.policeDistrict(), hood.name());
        }

        private String summary(ServiceCatalog.Kind kind, String where) {
            double roll = random.nextDouble();
            if (roll < 0.004) {
                return kind.summaryVerb() + " " + where + "\nCaller says it has been there \"for weeks\", please hurry";
            }
            if (roll < 0.04) {
                return kind.summaryVerb() + " " + where + ", caller reports it is \"getting worse\"";
            }
            return kind.summaryVerb() + " " + where;
        }

        private ServiceRequest updated(ServiceRequest original) {
            String status = original.caseStatus().equals("Closed") ? "Open" : "Closed";
            LocalDateTime closed = status.equals("Closed") ? original.createdAt().plusHours(2 + random.nextInt(200))
                    : null;
            return new ServiceRequest(original.caseId(), original.caseSummary(), status, original.caseSource(),
                    original.createdAt(), closed, false, original.customerZip(), original.incidentAddress1(),
                    original.incidentAddress2(), original.intersection1(), original.intersection2(),
                    original.incidentZip(), original.longitude(), original.latitude(), original.agency(),
                    original.division(), original.majorArea(), original.type(), original.topic(),
                    original.councilDistrict(), original.policeDistrict(), original.neighborhood());
        }

        private LocalDateTime createdAt(double position) {
            while (true) {
                int day = (int) Math.min(DAYS - 1, Math.max(0, position * (DAYS - 1) + random.nextInt(15) - 7));
                LocalDate date = FIRST_DAY.plusDays(day);
                double weight = MONTHLY[date.getMonthValue() - 1]
                        * (date.getDayOfWeek().getValue() >= 6 ? 0.55 : 1.0);
                if (random.nextDouble() * 1.25 < weight) {
                    int hour = pick(HOURLY);
                    return date.atTime(hour, random.nextInt(60), random.nextInt(60));
                }
            }
        }

        private ServiceCatalog.Kind kind() {
            int roll = random.nextInt(totalWeight);
            for (ServiceCatalog.Kind kind : ServiceCatalog.KINDS) {
                roll -= kind.weight();
                if (roll < 0) {
                    return kind;
                }
            }
            return ServiceCatalog.KINDS.get(0);
        }

        private int pick(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private String pick(String[] values, int[] weights) {
            return values[pick(weights)];
        }

        private byte[] csv(ServiceRequest r, Defect defect) {
            String id = defect == Defect.MISSING_KEY ? "" : Long.toString(r.caseId());
            String createdText = defect == Defect.UNPARSEABLE_DATE
                    ? (random.nextBoolean() ? "13/45/" + r.createdAt().getYear() + " 25:61:00 PM" : "not a date")
                    : DATE_TIME.format(r.createdAt());
            LocalDateTime closed = r.closedAt();
            String status = r.caseStatus();
            if (defect == Defect.CLOSED_BEFORE_CREATED) {
                status = "Closed";
                closed = r.createdAt().minusDays(2);
            }
            if (defect == Defect.UNKNOWN_STATUS) {
                status = random.nextBoolean() ? "Reopened??" : "UNKNOWN";
            }
            String latitude = r.latitude() == null ? null : Double.toString(r.latitude());
            String longitude = r.longitude() == null ? null : Double.toString(r.longitude());
            String council = Integer.toString(r.councilDistrict());
            if (defect == Defect.WRONG_TYPE) {
                if (random.nextBoolean()) {
                    council = "eleven";
                } else {
                    latitude = "N/A";
                }
            }
            if (defect == Defect.OUT_OF_RANGE) {
                if (random.nextBoolean()) {
                    latitude = "91.5";
                    longitude = longitude == null ? "-104.9" : longitude;
                } else {
                    latitude = "0.0";
                    longitude = "0.0";
                }
            }
            String[] fields = {id, r.caseSummary(), status, r.caseSource(), DATE.format(r.createdAt()), createdText,
                closed == null ? null : DATE.format(closed), closed == null ? null : DATE_TIME.format(closed),
                r.firstCallResolution() ? "Yes" : "No", r.customerZip(), r.incidentAddress1(), r.incidentAddress2(),
                r.intersection1(), r.intersection2(), r.incidentZip(), longitude, latitude, r.agency(),
                r.division(), r.majorArea(), r.type(), r.topic(), council, Integer.toString(r.policeDistrict()),
                r.neighborhood()};
            int count = fields.length;
            if (defect == Defect.TOO_FEW_FIELDS) {
                count -= 2 + random.nextInt(3);
            }
            StringBuilder line = new StringBuilder(320);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    line.append(',');
                }
                append(line, fields[i]);
            }
            if (defect == Defect.TOO_MANY_FIELDS) {
                line.append(",extra,").append(random.nextInt(100));
            }
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            if (defect == Defect.INVALID_UTF8) {
                bytes = withInvalidBytes(bytes, id.length() + 1 + 3);
            }
            return bytes;
        }

        private byte[] withInvalidBytes(byte[] line, int at) {
            byte[] invalid = random.nextBoolean() ? new byte[] {(byte) 0xC3, (byte) 0x28} : new byte[] {(byte) 0xFF};
            byte[] result = new byte[line.length + invalid.length];
            System.arraycopy(line, 0, result, 0, at);
            System.arraycopy(invalid, 0, result, at, invalid.length);
            System.arraycopy(line, at, result, at + invalid.length, line.length - at);
            return result;
        }
    }

    private static void append(StringBuilder line, String value) {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
