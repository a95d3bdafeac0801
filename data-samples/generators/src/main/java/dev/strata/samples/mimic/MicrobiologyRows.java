package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes MICROBIOLOGYEVENTS: specimens sent during each admission (more for longer ICU time), each
 * either a negative culture (one row, no organism) or an organism grown, with one row per antibiotic the
 * catalogue tests on it (dilution and interpretation S, I or R) or a single row when none is tested.
 * About 10% of specimens have a chart date but no chart time, as in MIMIC.
 */
final class MicrobiologyRows implements PatientRows {

    private static final long SALT = 0x4D49_4352_4FL;
    private static final double[] DILUTIONS = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};
    private static final String[] DILUTION_TEXTS = {"0.25", "0.5", "1", "2", "4", "8", "16", "32", "64"};

    private final long seed;
    private final Catalogue catalogue;

    MicrobiologyRows(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.MICROBIOLOGYEVENTS);
        for (Admission a : patient.admissions()) {
            double icuDays = Minutes.days(a.icuMinutes(a.admitTime(), a.dischargeTime()));
            int specimens = dice.poisson(0.8 + 0.5 * icuDays);
            for (int s = 0; s < specimens; s++) {
                String specimen = catalogue.specimen(dice);
                MicroResult result = catalogue.result(specimen, dice);
                long time = a.admitTime() + (long) (dice.unit() * (a.dischargeTime() - a.admitTime()));
                long chartTime = dice.chance(0.1) ? Minutes.NONE : time;
                if (!result.growth()) {
                    start(out, patient, a, time, chartTime, result);
                    out.empty().empty().empty().empty().empty().empty().empty().empty().empty().end();
                    continue;
                }
                List<MicroResult> tested = catalogue.sensitivities(specimen, result.orgItemId());
                if (tested.isEmpty()) {
                    start(out, patient, a, time, chartTime, result);
                    out.integer(result.orgItemId()).text(result.organism()).integer(1).empty().empty().empty().empty()
                            .empty().empty().end();
                    continue;
                }
                for (MicroResult antibiotic : tested) {
                    double roll = dice.unit();
                    String interpretation = roll < 0.7 ? "S" : roll < 0.78 ? "I" : "R";
                    int dilution = switch (interpretation) {
                        case "S" -> dice.below(5);
                        case "I" -> 4 + dice.below(2);
                        default -> 6 + dice.below(3);
                    };
                    String comparison = dilution == 0 ? "<=" : dilution == DILUTIONS.length - 1 ? "=>" : "=";
                    String text = comparison.equals("=") ? DILUTION_TEXTS[dilution]
                            : comparison + DILUTION_TEXTS[dilution];
                    start(out, patient, a, time, chartTime, result);
                    out.integer(result.orgItemId()).text(result.organism()).integer(1).integer(antibiotic.abItemId())
                            .text(antibiotic.antibiotic()).text(text).text(comparison)
                            .decimal(DILUTIONS[dilution], dilution < 2 ? 2 - dilution : 0).text(interpretation).end();
                }
            }
        }
    }

    private static void start(TableWriter out, Patient patient, Admission a, long time, long chartTime,
            MicroResult result) throws IOException {
        out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).date(time).time(chartTime)
                .integer(result.specItemId()).text(result.specimen());
    }
}
