package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes NOTEEVENTS: a few notes during each admission (nursing, radiology, ECG, physician ... by the
 * catalogue's weights) and a discharge summary dated on the discharge day. Reports (description
 * {@code Report}) have no caregiver or store time, other notes have both, as in MIMIC; ECGs and
 * discharge summaries have a chart date only.
 */
final class NoteRows implements PatientRows {

    private static final long SALT = 0x4E4F_5445_53L;

    private final long seed;
    private final Catalogue catalogue;
    private final Caregivers caregivers;
    private final NoteText text = new NoteText();

    NoteRows(long seed, Catalogue catalogue, Caregivers caregivers) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
        this.caregivers = Objects.requireNonNull(caregivers, "caregivers is null");
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        TableWriter out = files.writer(MimicTable.NOTEEVENTS);
        for (Admission a : patient.admissions()) {
            int notes = 2 + dice.poisson(2);
            for (int i = 0; i < notes; i++) {
                Choice category = catalogue.noteCategory(dice);
                long time = a.admitTime() + (long) (dice.unit() * (a.dischargeTime() - a.admitTime()));
                boolean report = "Report".equals(category.description());
                boolean dateOnly = category.value().strip().equals("ECG");
                int cgid = report ? 0 : caregivers.cgid(role(category), a.hadmId() * 31 + i);
                out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).date(time)
                        .time(dateOnly ? Minutes.NONE : time).time(report ? Minutes.NONE : time + dice.between(10, 240))
                        .text(category.value()).text(category.description()).id(cgid)
                        .text(dice.chance(0.002) ? "1" : null).text(text.note(category, patient, a, time, dice)).end();
            }
            Choice summary = catalogue.dischargeSummary();
            if (summary != null) {
                out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).date(a.dischargeTime())
                        .empty().empty().text(summary.value()).text(summary.description()).empty().empty()
                        .text(text.dischargeSummary(patient, a, dice)).end();
            }
        }
    }

    private static Caregivers.Role role(Choice category) {
        return switch (category.value().strip()) {
            case "Physician" -> Caregivers.Role.PHYSICIAN;
            case "Respiratory" -> Caregivers.Role.RESPIRATORY;
            case "Nutrition", "General" -> Caregivers.Role.OTHER;
            default -> Caregivers.Role.NURSE;
        };
    }
}
