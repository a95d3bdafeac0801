package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes LABEVENTS. Each day of an admission, each lab item has about {@code per_day} results while the
 * patient is in an ICU and {@value #WARD_SHARE} of that on a ward, drawn in panels (the morning draw,
 * the afternoon draw, ...). Values follow the item's mean and sd (log-normal when skewed), flagged
 * {@code abnormal} outside the normal range; about 0.3% are not numeric ({@code GREATER THAN 10},
 * {@code UNABLE TO REPORT}, ...) with no VALUENUM. About 10% of all results are outpatient tests
 * between admissions, with no HADM_ID, as in MIMIC.
 */
final class LabRows implements PatientRows {

    static final double WARD_SHARE = 0.6;
    private static final long SALT = 0x4C41_4253L;
    private static final int[] DRAW_MINUTES = {4 * 60 + 30, 15 * 60, 21 * 60, 10 * 60, 60};
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000};
    private static final String[] NOT_NUMERIC = {"GREATER THAN ", "LESS THAN ", "UNABLE TO REPORT", "ERROR"};

    private final long seed;
    private final List<LabItem> items;
    private final double panelSize;

    LabRows(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.items = Objects.requireNonNull(catalogue, "catalogue is null").labItems();
        this.panelSize = items.stream().mapToDouble(i -> Math.min(1, i.perDay())).sum();
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.LABEVENTS);
        long previousDischarge = Minutes.NONE;
        for (Admission a : patient.admissions()) {
            long inpatient = 0;
            for (long day = Minutes.startOfDay(a.admitTime()); day < a.dischargeTime(); day += Minutes.DAY) {
                long from = Math.max(day, a.admitTime());
                long to = Math.min(day + Minutes.DAY, a.dischargeTime());
                double icuShare = a.icuMinutes(from, to) / (double) (to - from);
                double factor = (icuShare + (1 - icuShare) * WARD_SHARE) * (to - from) / Minutes.DAY;
                for (LabItem item : items) {
                    int count = dice.rounded(item.perDay() * factor);
                    for (int k = 0; k < count; k++) {
                        long time = day + DRAW_MINUTES[k % DRAW_MINUTES.length] + dice.below(60);
                        if (time < from || time >= to) {
                            time = from + dice.below((int) (to - from));
                        }
                        result(patient, a.hadmId(), item, time, dice, out);
                        inpatient++;
                    }
                }
            }
            int visits = dice.rounded(inpatient / 9.0 / panelSize);
            long latest = Minutes.startOfDay(a.admitTime()) - Minutes.DAY;
            long earliest = previousDischarge == Minutes.NONE ? latest - 365 * Minutes.DAY
                    : Minutes.startOfDay(previousDischarge) + 2 * Minutes.DAY;
            for (int v = 0; v < visits && latest > earliest; v++) {
                long time = earliest + dice.below((int) ((latest - earliest) / Minutes.DAY)) * Minutes.DAY
                        + dice.between(7 * 60, 12 * 60);
                for (LabItem item : items) {
                    if (dice.chance(item.perDay())) {
                        result(patient, 0, item, time, dice, out);
                    }
                }
            }
            previousDischarge = a.dischargeTime();
        }
    }

    private static void result(Patient patient, long hadmId, LabItem item, long time, Dice dice, TableWriter out)
            throws IOException {
        out.integer(out.nextRowId()).integer(patient.subjectId()).id(hadmId).integer(item.itemId()).time(time);
        if (dice.chance(0.003)) {
            String kind = NOT_NUMERIC[dice.below(NOT_NUMERIC.length)];
            String value = switch (kind) {
                case "GREATER THAN " -> kind + Math.round(Math.max(1, item.mean() + 3 * item.sd()));
                case "LESS THAN " -> kind + (item.normalLow() > 0 ? trim(item.normalLow()) : "0.1");
                default -> kind;
            };
            out.text(value).empty().text(item.unit()).empty().end();
            return;
        }
        double value = value(item, dice);
        out.textDecimal(value, item.decimals()).decimal(value, item.decimals()).text(item.unit())
                .text(item.abnormal(round(value, item.decimals())) ? "abnormal" : null).end();
    }

    /** A result: normal around the mean, or log-normal with the same mean and sd when the item is skewed. */
    static double value(LabItem item, Dice dice) {
        double mean = item.mean();
        double sd = item.sd();
        if (mean <= 0) {
            return Math.max(0, dice.normal(mean, sd));
        }
        double variation = sd / mean;
        if (variation > 0.25) {
            double sigma2 = StrictMath.log(1 + variation * variation);
            return mean * StrictMath.exp(StrictMath.sqrt(sigma2) * dice.gaussian() - sigma2 / 2);
        }
        return Math.max(0, dice.normal(mean, sd));
    }

    /** {@code value} as written with {@code decimals} (0 to 4). */
    private static double round(double value, int decimals) {
        long power = POWERS[decimals];
        return Math.round(value * power) / (double) power;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
