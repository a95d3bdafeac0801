package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes CHARTEVENTS: in each ICU stay, each chart item of the stay's system (CareVue or MetaVision)
 * is charted about {@code per_day} times a day (times the chart scale), evenly over the stay, frequent
 * vital signs on the hour; values wander around the item's mean (an auto-regressive series, so they
 * look like a patient's course) within its low..high. MetaVision rows carry WARNING and ERROR (a
 * warning beyond 2.5 sd), CareVue rows RESULTSTATUS {@code Manual} and STOPPED {@code NotStopd}, as in
 * MIMIC. The nurse on shift (CGID) charts, stored up to 90 minutes later.
 */
final class ChartRows implements PatientRows {

    private static final long SALT = 0x4348_4152_54L;

    private final long seed;
    private final double scale;
    private final Caregivers caregivers;
    private final List<ChartItem> carevue;
    private final List<ChartItem> metavision;

    ChartRows(long seed, Catalogue catalogue, Caregivers caregivers, double scale) {
        Objects.requireNonNull(catalogue, "catalogue is null");
        this.seed = seed;
        this.caregivers = Objects.requireNonNull(caregivers, "caregivers is null");
        this.scale = scale;
        this.carevue = itemsOf("carevue", catalogue.chartItems());
        this.metavision = itemsOf("metavision", catalogue.chartItems());
    }

    /** The items of one system, or all items if the catalogue has none of that system. */
    private static List<ChartItem> itemsOf(String dbsource, List<ChartItem> all) {
        List<ChartItem> items = all.stream().filter(i -> i.dbsource().equals(dbsource)).toList();
        return items.isEmpty() ? all : items;
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        if (scale <= 0) {
            return;
        }
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.CHARTEVENTS);
        for (Admission a : patient.admissions()) {
            for (IcuStay stay : a.icuStays()) {
                boolean mv = stay.metavision();
                long length = stay.minutes();
                for (ChartItem item : mv ? metavision : carevue) {
                    int count = dice.rounded(item.perDay() * Minutes.days(length) * scale);
                    double interval = length / (double) Math.max(1, count);
                    double state = dice.gaussian();
                    for (int i = 0; i < count; i++) {
                        long time = stay.inTime() + (long) ((i + dice.uniform(0.1, 0.9)) * interval);
                        if (item.perDay() >= 12) {
                            time = Math.round(time / 60.0) * 60;
                        }
                        time = Math.max(stay.inTime(), Math.min(stay.outTime() - 1, time));
                        state = 0.8 * state + 0.6 * dice.gaussian();
                        double value = Math.max(item.low(), Math.min(item.high(), item.mean() + item.sd() * state));
                        out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId())
                                .integer(stay.icustayId()).integer(item.itemId()).time(time)
                                .time(time + dice.between(1, 90))
                                .integer(caregivers.onShift(Caregivers.Role.NURSE, stay.icustayId(), time))
                                .textDecimal(value, item.decimals()).decimal(value, item.decimals())
                                .text(item.unit());
                        if (mv) {
                            out.integer(Math.abs(state) > 2.5 ? 1 : 0).integer(0).empty().empty();
                        } else {
                            out.empty().empty().text("Manual").text("NotStopd");
                        }
                        out.end();
                    }
                }
            }
        }
    }
}
