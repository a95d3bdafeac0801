package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;

/**
 * Writes the dates charted in the ICU (DATETIMEEVENTS): for about two ICU stays in three, one to three lines
 * put in or dressed (MetaVision or CareVue items), each charted during the stay with the day it was done as the
 * value (midnight, VALUEUOM Date), by a nurse on shift, as MIMIC-III holds them.
 */
final class DateRows implements PatientRows {

    private static final long SALT = 0x4454_4556L;

    private static final List<Integer> METAVISION_ITEMS = List.of(224288, 224280, 225754, 224187);
    private static final List<Integer> CAREVUE_ITEMS = List.of(5684, 6703, 7152);

    private final long seed;
    private final Caregivers caregivers;

    DateRows(long seed, Caregivers caregivers) {
        this.seed = seed;
        this.caregivers = caregivers;
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.DATETIMEEVENTS);
        for (Admission a : patient.admissions()) {
            for (IcuStay stay : a.icuStays()) {
                if (!dice.chance(0.67)) {
                    continue;
                }
                List<Integer> items = stay.metavision() ? METAVISION_ITEMS : CAREVUE_ITEMS;
                int count = dice.between(1, 3);
                for (int i = 0; i < count; i++) {
                    long time = stay.inTime() + (long) (dice.unit() * stay.minutes());
                    long day = Minutes.startOfDay(time) - (dice.chance(0.2) ? Minutes.DAY : 0);
                    out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId())
                            .integer(stay.icustayId()).integer(items.get(dice.below(items.size()))).time(time)
                            .time(time + dice.between(1, 60))
                            .integer(caregivers.onShift(Caregivers.Role.NURSE, stay.icustayId(), time))
                            .time(Math.max(day, Minutes.startOfDay(a.admitTime()))).text("Date");
                    if (stay.metavision()) {
                        out.integer(0).integer(0).empty().empty();
                    } else {
                        out.empty().empty().empty().text("NotStopd");
                    }
                    out.end();
                }
            }
        }
    }
}
