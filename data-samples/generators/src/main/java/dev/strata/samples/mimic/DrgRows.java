package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;

/**
 * Writes the DRG codes billed for each admission (DRGCODES): one HCFA code before October 2007 or one MS code
 * after, as CMS changed grouper then, and for about half the admissions an APR code with its severity and
 * mortality (1 to 4), as MIMIC-III holds them. The codes and descriptions are real CMS / APR groups.
 */
final class DrgRows implements PatientRows {

    private static final long SALT = 0x4452_4743L;
    /** 2007-10-01 00:00 in generator minutes: the first day of MS-DRG. */
    private static final long MS_DRG_START = Minutes.of(java.time.LocalDate.of(2007, 10, 1));

    private record Drg(String code, String description) {
    }

    private static final List<Drg> HCFA = List.of(new Drg("127", "HEART FAILURE & SHOCK"),
            new Drg("89", "SIMPLE PNEUMONIA & PLEURISY AGE >17 W CC"), new Drg("416", "SEPTICEMIA AGE >17"),
            new Drg("475", "RESPIRATORY SYSTEM DIAGNOSIS WITH VENTILATOR SUPPORT"),
            new Drg("14", "INTRACRANIAL HEMORRHAGE & STROKE W INFARCT"));
    private static final List<Drg> MS = List.of(new Drg("291", "HEART FAILURE & SHOCK W MCC"),
            new Drg("193", "SIMPLE PNEUMONIA & PLEURISY W MCC"),
            new Drg("871", "SEPTICEMIA OR SEVERE SEPSIS W/O MV 96+ HOURS W MCC"),
            new Drg("207", "RESPIRATORY SYSTEM DIAGNOSIS W VENTILATOR SUPPORT 96+ HOURS"),
            new Drg("64", "INTRACRANIAL HEMORRHAGE OR CEREBRAL INFARCTION W MCC"));
    private static final List<Drg> APR = List.of(new Drg("194", "HEART FAILURE"), new Drg("139", "OTHER PNEUMONIA"),
            new Drg("720", "SEPTICEMIA & DISSEMINATED INFECTIONS"),
            new Drg("130", "RESPIRATORY SYSTEM DIAGNOSIS W VENTILATOR SUPPORT 96+ HOURS"),
            new Drg("45", "CVA & PRECEREBRAL OCCLUSION W INFARCT"));

    private final long seed;

    DrgRows(long seed) {
        this.seed = seed;
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.DRGCODES);
        for (Admission a : patient.admissions()) {
            int group = dice.below(HCFA.size());
            boolean ms = a.admitTime() >= MS_DRG_START;
            Drg billed = (ms ? MS : HCFA).get(group);
            out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).text(ms ? "MS" : "HCFA")
                    .text(billed.code()).text(billed.description()).empty().empty().end();
            if (dice.chance(0.5)) {
                Drg apr = APR.get(group);
                out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).text("APR ")
                        .text(apr.code()).text(apr.description()).integer(dice.between(1, 4))
                        .integer(dice.between(1, 4)).end();
            }
        }
    }
}
