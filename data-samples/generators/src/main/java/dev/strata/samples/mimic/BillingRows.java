package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes what was billed for each admission: DIAGNOSES_ICD and PROCEDURES_ICD (the planned codes, SEQ_NUM
 * from 1) and CPTEVENTS (about 4 an admission; critical care codes under cost center ICU with a ticket
 * sequence, pulmonary ones under Resp with a chart date, as in MIMIC).
 */
final class BillingRows implements PatientRows {

    private static final long SALT = 0x4249_4C4CL;

    private final long seed;
    private final Catalogue catalogue;

    BillingRows(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        for (Admission a : patient.admissions()) {
            codes(patient, a, a.diagnoses(), files.writer(MimicTable.DIAGNOSES_ICD));
            codes(patient, a, a.procedures(), files.writer(MimicTable.PROCEDURES_ICD));
            TableWriter cpt = files.writer(MimicTable.CPTEVENTS);
            int count = dice.poisson(3.8);
            int ticket = 0;
            for (int i = 0; i < count; i++) {
                CptCode code = catalogue.cpt(dice);
                boolean respiratory = code.subsectionHeader() != null && code.subsectionHeader().contains("Pulmonary");
                long day = respiratory
                        ? a.admitTime() + (long) (dice.unit() * (a.dischargeTime() - a.admitTime()))
                        : Minutes.NONE;
                cpt.integer(cpt.nextRowId()).integer(patient.subjectId()).integer(a.hadmId())
                        .text(respiratory ? "Resp" : "ICU").date(day).text(code.code()).id(code.number())
                        .text(code.suffix());
                if (respiratory) {
                    cpt.empty();
                } else {
                    cpt.integer(++ticket);
                }
                cpt.text(code.sectionHeader()).text(code.subsectionHeader()).empty().end();
            }
        }
    }

    private static void codes(Patient patient, Admission a, List<IcdCode> codes, TableWriter out) throws IOException {
        for (int i = 0; i < codes.size(); i++) {
            out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).integer(i + 1)
                    .text(codes.get(i).code()).end();
        }
    }
}
