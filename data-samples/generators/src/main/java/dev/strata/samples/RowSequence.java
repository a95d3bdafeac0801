package dev.strata.samples;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of one generation, made one at a time: the good case of each index, or for about
 * {@code defectRate} of them the same case with one {@link Defect}. A duplicate repeats an earlier
 * good row of the same file and year (so that "later line wins" is well defined however the files are
 * ingested), at most {@value #WINDOW} rows back, and no good row is repeated twice. Memory is bounded
 * by the window, whatever the count.
 */
final class RowSequence implements Iterator<GeneratedRow> {

    /** How far back a duplicate may reach. */
    static final int WINDOW = 2_000;
    private static final long DEFECT_SALT = 0x311_0002L;
    private static final int ATTEMPTS = 32;
    private static final List<Defect> KINDS = Defect.kinds();
    private static final int SUMMARY = 1;
    private static final int CREATED_DTTM = 5;
    private static final int FIRST_CALL_RESOLUTION = 8;
    private static final int ADDRESS_1 = 10;
    private static final int LONGITUDE = 15;
    private static final int LATITUDE = 16;
    private static final int COUNCIL_DISTRICT = 22;
    private static final int POLICE_DISTRICT = 23;

    private final CaseFactory factory;
    private final long seed;
    private final double defectRate;
    private final long count;
    private final int files;
    private final Set<Long> repeated = new HashSet<>();
    private final ArrayDeque<Long> repeatedInOrder = new ArrayDeque<>();
    private long next;
    private int file;
    private long fileStart;
    private long fileEnd;

    RowSequence(CaseFactory factory, long seed, double defectRate, long count, int files) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.seed = seed;
        this.defectRate = defectRate;
        this.count = count;
        this.files = files;
        this.fileEnd = fileStart(count, files, 1);
    }

    /** The index of the first row of file {@code file} when {@code count} rows are split over {@code files}. */
    static long fileStart(long count, int files, int file) {
        // floor(count * file / files) without overflow
        return count / files * file + count % files * file / files;
    }

    @Override
    public boolean hasNext() {
        return next < count;
    }

    @Override
    public GeneratedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long index = next++;
        while (index >= fileEnd && file < files - 1) {
            file++;
            fileStart = fileEnd;
            fileEnd = fileStart(count, files, file + 1);
        }
        forgetBefore(index - WINDOW);
        Dice random = CaseFactory.random(seed, index, DEFECT_SALT);
        Defect defect = planned(random);
        if (defect == Defect.DUPLICATE_EXACT || defect == Defect.DUPLICATE_CONFLICT) {
            long original = original(index, random);
            if (original < 0) {
                return good(index);
            }
            ServiceRequest earlier = factory.create(original, count);
            if (defect == Defect.DUPLICATE_EXACT) {
                return row(index, earlier, defect, null, original, fields(earlier), -1);
            }
            ServiceRequest update = update(earlier, random);
            return row(index, update, defect, null, original, fields(update), -1);
        }
        if (defect == Defect.NONE) {
            return good(index);
        }
        return defective(index, factory.create(index, count), defect, random);
    }

    private GeneratedRow good(long index) {
        ServiceRequest request = factory.create(index, count);
        return row(index, request, Defect.NONE, null, -1, fields(request), -1);
    }

    /** The defect planned for an index: the first draws of the index's own defect stream. */
    private Defect planned(Dice random) {
        double roll = random.nextDouble();
        int kind = random.nextInt(KINDS.size());
        return roll < defectRate ? KINDS.get(kind) : Defect.NONE;
    }

    private boolean plannedGood(long index) {
        return planned(CaseFactory.random(seed, index, DEFECT_SALT)) == Defect.NONE;
    }

    /**
     * An earlier good row of the same file and the same year (half of the sequence), within the window,
     * not repeated before; -1 if there is none. Staying within the year makes one file and two files
     * (one per year) hold the same rows.
     */
    private long original(long index, Dice random) {
        long yearStart = index < count / 2 ? 0 : count / 2;
        long reach = Math.min(WINDOW, index - Math.max(fileStart, yearStart));
        if (reach <= 0) {
            return -1;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long candidate = index - 1 - random.nextLong(reach);
            if (plannedGood(candidate) && !repeated.contains(candidate)) {
                repeated.add(candidate);
                repeatedInOrder.addLast(candidate);
                return candidate;
            }
        }
        return -1;
    }

    private void forgetBefore(long index) {
        while (!repeatedInOrder.isEmpty() && repeatedInOrder.peekFirst() < index) {
            repeated.remove(repeatedInOrder.removeFirst());
        }
    }

    /** A later version of a case: an open one gets closed, a closed one reopened or closed again later. */
    private static ServiceRequest update(ServiceRequest earlier, Dice random) {
        if (!earlier.resolved()) {
            long open = Math.max(60, Duration.between(earlier.createdAt(), CreationCalendar.EXTRACT_TIME).toSeconds());
            LocalDateTime closed = CreationCalendar.existing(
                    earlier.createdAt().plusSeconds(60 + (long) (random.nextDouble() * (open - 60))));
            return earlier.withResolution(ServiceCatalog.CLOSED, closed, false);
        }
        if (random.nextBoolean()) {
            return earlier.withResolution(ServiceCatalog.IN_PROGRESS, null, false);
        }
        LocalDateTime closed = CreationCalendar.existing(earlier.closedAt().plusMinutes(30 + random.nextInt(72 * 60)));
        return earlier.withResolution(ServiceCatalog.CLOSED, closed, false);
    }

    private GeneratedRow defective(long index, ServiceRequest request, Defect defect, Dice random) {
        String[] fields = fields(request);
        String column = null;
        switch (defect) {
            case UNPARSEABLE_DATE -> {
                int year = request.createdAt().getYear();
                fields[CREATED_DTTM] = pick(random, "13/45/" + year + " 25:61:00 PM", "not a date",
                        "00/00/0000 00:00:00 AM", year + "-13-45 25:61", "TBD");
                column = "case_created_dttm";
            }
            case MISSING_KEY -> {
                fields[0] = random.nextDouble() < 0.8 ? null : " ";
                column = "case_id";
            }
            case WRONG_TYPE -> {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        fields[COUNCIL_DISTRICT] = "eleven";
                        column = "council_district";
                    }
                    case 1 -> {
                        fields[POLICE_DISTRICT] = "3rd";
                        column = "police_district";
                    }
                    case 2 -> {
                        fields[LATITUDE] = "N/A";
                        column = "latitude";
                    }
                    case 3 -> {
                        fields[LONGITUDE] = "unknown";
                        column = "longitude";
                    }
                    default -> {
                        fields[FIRST_CALL_RESOLUTION] = "Maybe";
                        column = "first_call_resolution";
                    }
                }
            }
            case TOO_FEW_FIELDS -> fields = Arrays.copyOf(fields, CsvLine.WIDTH - 1 - random.nextInt(3));
            case TOO_MANY_FIELDS -> {
                if (random.nextDouble() < 0.6 && fields[ADDRESS_1] != null) {
                    // a unit number typed after a comma, and the field left unquoted
                    fields[ADDRESS_1] = fields[ADDRESS_1] + ", " + pick(random, "Apt 2", "Unit 5", "Rear", "Basement");
                    return row(index, request, defect, null, -1, fields, ADDRESS_1);
                }
                int extra = 1 + random.nextInt(2);
                fields = Arrays.copyOf(fields, CsvLine.WIDTH + extra);
                for (int i = CsvLine.WIDTH; i < fields.length; i++) {
                    fields[i] = pick(random, "Denver", "CO", "311", "extra");
                }
            }
            case INVALID_UTF8 -> {
                String summary = fields[SUMMARY];
                int at = summary.indexOf(' ') < 0 ? summary.length() : summary.indexOf(' ');
                String bad = random.nextBoolean() ? String.valueOf(CsvLine.INVALID_FF) : CsvLine.INVALID_C3 + "(";
                fields[SUMMARY] = summary.substring(0, at) + " " + bad + summary.substring(at);
                column = "case_summary";
            }
            case OUT_OF_RANGE -> {
                boolean latitude = random.nextInt(3) < 2;
                ServiceRequest moved = outOfRange(request, latitude, random);
                return row(index, moved, defect, latitude ? "latitude" : "longitude", -1, fields(moved), -1);
            }
            case UNKNOWN_STATUS -> {
                String status = pick(random, "Escalated", "Cancelled", "Pending Review", "Reopened", "Unknown");
                // only a cancelled case keeps its closing time
                ServiceRequest unknown = request.withResolution(status,
                        status.equals("Cancelled") ? request.closedAt() : null, request.firstCallResolution());
                return row(index, unknown, defect, "case_status", -1, fields(unknown), -1);
            }
            case CLOSED_BEFORE_CREATED -> {
                LocalDateTime closed = request.createdAt().minusMinutes(60 + random.nextInt(30 * 24 * 60));
                ServiceRequest backwards = request.withResolution(ServiceCatalog.CLOSED, closed, false);
                return row(index, backwards, defect, "case_closed_dttm", -1, fields(backwards), -1);
            }
            default -> throw new IllegalStateException("not a defect of one row: " + defect);
        }
        return row(index, request, defect, column, -1, fields, -1);
    }

    /**
     * One coordinate far outside Denver, the other left as it was: zero, impossible, a dropped sign or a
     * slipped decimal point.
     */
    private static ServiceRequest outOfRange(ServiceRequest request, boolean latitude, Dice random) {
        if (latitude) {
            double value = request.latitude() != null ? request.latitude() : 39.7392;
            double wrong = switch (random.nextInt(3)) {
                case 0 -> 0.0;
                case 1 -> 91.5;
                default -> CaseFactory.round6(value / 10);
            };
            return request.withCoordinates(request.longitude(), wrong);
        }
        double value = request.longitude() != null ? request.longitude() : -104.9903;
        double wrong = switch (random.nextInt(3)) {
            case 0 -> 0.0;
            case 1 -> CaseFactory.round6(-value);
            default -> CaseFactory.round6(value / 10);
        };
        return request.withCoordinates(wrong, request.latitude());
    }

    private static GeneratedRow row(long index, ServiceRequest request, Defect defect, String column,
            long duplicateOf, String[] fields, int verbatim) {
        CsvLine.Encoded encoded = CsvLine.encode(fields, verbatim);
        return new GeneratedRow(index, request, defect, column, duplicateOf, encoded.quoted(), encoded.multiline(),
                encoded.bytes());
    }

    /** The 25 fields of a request, in header order; null for an empty field. */
    static String[] fields(ServiceRequest r) {
        LocalDateTime closed = r.closedAt();
        return new String[] {
            Long.toString(r.caseId()),
            r.caseSummary(),
            r.caseStatus(),
            r.caseSource(),
            CsvLine.date(r.createdAt().toLocalDate()),
            CsvLine.dateTime(r.createdAt()),
            closed == null ? null : CsvLine.date(closed.toLocalDate()),
            closed == null ? null : CsvLine.dateTime(closed),
            r.firstCallResolution() == null ? null : r.firstCallResolution() ? "Yes" : "No",
            r.customerZip(),
            r.incidentAddress1(),
            r.incidentAddress2(),
            r.intersection1(),
            r.intersection2(),
            r.incidentZip(),
            r.longitude() == null ? null : Double.toString(r.longitude()),
            r.latitude() == null ? null : Double.toString(r.latitude()),
            r.agency(),
            r.division(),
            r.majorArea(),
            r.type(),
            r.topic(),
            r.councilDistrict() == null ? null : Integer.toString(r.councilDistrict()),
            r.policeDistrict() == null ? null : Integer.toString(r.policeDistrict()),
            r.neighborhood()};
    }

    private static String pick(Dice random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
