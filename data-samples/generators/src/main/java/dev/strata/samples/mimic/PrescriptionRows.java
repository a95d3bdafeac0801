package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes PRESCRIPTIONS: about 23 orders an admission (about 30 a patient) of catalogue drugs, start and
 * end dates within the admission (as dates at midnight, like MIMIC), the ICU stay when one was under
 * way on the start date, and about 1% without an NDC (the catalogue's own {@code 0} NDCs stay as they are).
 */
final class PrescriptionRows implements PatientRows {

    private static final long SALT = 0x5052_4553_43L;

    private final long seed;
    private final Catalogue catalogue;

    PrescriptionRows(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.PRESCRIPTIONS);
        for (Admission a : patient.admissions()) {
            long firstDay = Minutes.startOfDay(a.admitTime());
            long lastDay = Minutes.startOfDay(a.dischargeTime());
            int days = (int) ((lastDay - firstDay) / Minutes.DAY);
            int count = (int) Math.max(3, Math.min(60, Math.round(dice.normal(23, 8))));
            for (int i = 0; i < count; i++) {
                Drug drug = catalogue.drug(dice);
                long start = firstDay + dice.between(0, days) * Minutes.DAY;
                long end = Math.min(lastDay, start + dice.poisson(1.5) * Minutes.DAY);
                IcuStay stay = null;
                for (IcuStay candidate : a.icuStays()) {
                    if (start >= Minutes.startOfDay(candidate.inTime()) && start < candidate.outTime()) {
                        stay = candidate;
                        break;
                    }
                }
                String ndc = dice.chance(0.01) ? null : drug.ndc();
                out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId())
                        .id(stay == null ? 0 : stay.icustayId()).time(start).time(end).text(drug.type())
                        .text(drug.drug()).text(drug.namePoe()).text(drug.nameGeneric()).text(drug.formularyCode())
                        .empty().text(ndc).text(drug.strength()).text(drug.doseValue()).text(drug.doseUnit())
                        .text(drug.formValue()).text(drug.formUnit()).text(drug.route()).end();
            }
        }
    }
}
