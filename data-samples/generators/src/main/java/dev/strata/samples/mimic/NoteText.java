package dev.strata.samples.mimic;

import dev.strata.samples.Dice;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the TEXT of a synthetic clinical note in the style of MIMIC's de-identified notes: section
 * headings, line breaks, commas, quoted phrases and {@code [** ... **]} placeholders where names and
 * dates were removed. The text draws on the plan (diagnoses, care unit, service, discharge) and is
 * entirely made up: no real note is reproduced.
 */
final class NoteText {

    private static final String[] FINDINGS = {"no pneumothorax", "small bilateral pleural effusions",
            "mild pulmonary vascular congestion", "left lower lobe opacity, atelectasis versus pneumonia",
            "endotracheal tube 4 cm above the carina", "no focal consolidation", "stable cardiomegaly"};
    private static final String[] RHYTHMS = {"Sinus rhythm", "Sinus tachycardia", "Atrial fibrillation",
            "Sinus bradycardia", "Sinus rhythm with premature atrial contractions"};
    private static final String[] PLANS = {"continue to monitor", "wean sedation as tolerated",
            "follow up cultures", "diurese to goal negative 1 liter", "update family, \"full code\" for now",
            "PT consult, out of bed to chair"};
    private static final String[] CONDITIONS = {"Mental status: clear and coherent.\nLevel of consciousness: alert "
            + "and interactive.\nActivity status: ambulatory, independent.",
            "Stable, tolerating a regular diet.", "Fair; \"needs assistance\" with ambulation."};

    /** The text of a note of {@code category} (any but a discharge summary) written at {@code time}. */
    String note(Choice category, Patient patient, Admission a, long time, Dice dice) {
        Objects.requireNonNull(category, "category is null");
        StringBuilder text = new StringBuilder(400);
        String kind = category.value().strip();
        IcdCode primary = a.diagnoses().isEmpty() ? null : a.diagnoses().get(0);
        switch (kind) {
            case "Radiology" -> {
                text.append(date(time)).append(' ').append(clock(time)).append('\n')
                        .append("     CHEST (PORTABLE AP)                                             Clip # [**Clip Number "
                                + "(Radiology) ").append(10000 + dice.below(90000)).append("**]\n")
                        .append("     Reason: \"eval for ").append(dice.chance(0.5) ? "infiltrate" : "effusion")
                        .append(", interval change\"\n")
                        .append(" ______________________________________________________________________________\n")
                        .append(" FINDINGS: Portable AP view of the chest. ").append(capital(pick(FINDINGS, dice)))
                        .append(", ").append(pick(FINDINGS, dice)).append(".\n\n IMPRESSION: ")
                        .append(capital(pick(FINDINGS, dice))).append(".\n");
            }
            case "ECG" -> text.append(pick(RHYTHMS, dice)).append(". Rate ").append(dice.between(55, 125))
                    .append(". Compared to the previous tracing of ").append(date(time - 400 * Minutes.DAY))
                    .append(", no significant change.\n");
            case "Echo" -> text.append("PATIENT/TEST INFORMATION:\nIndication: ")
                    .append(primary == null ? "Assess LV function" : primary.longTitle()).append(".\nHeight: (in) ")
                    .append(dice.between(60, 75)).append("\nWeight (lb): ").append(Math.round(patient.weightKg() * 2.2))
                    .append("\n\nConclusions:\nThe left atrium is ").append(dice.chance(0.6) ? "normal" : "mildly dilated")
                    .append(" in size. Left ventricular wall thickness, cavity size, and regional/global systolic "
                            + "function are normal (LVEF >")
                    .append(dice.chance(0.7) ? 55 : 35).append("%).\n");
            case "Physician" -> text.append("Chief Complaint: ")
                    .append(primary == null ? "respiratory failure" : primary.shortTitle().toLowerCase(Locale.ROOT))
                    .append("\n24 Hour Events:\n - ").append(capital(pick(PLANS, dice))).append("\n - Tmax ")
                    .append(97 + dice.below(5)).append('.').append(dice.below(10)).append("\n\nAssessment and Plan\n")
                    .append(age(patient, a)).append(' ').append(patient.gender().equals("M") ? "man" : "woman")
                    .append(" with ").append(titles(a.diagnoses(), 3)).append(", admitted to the ")
                    .append(unit(a)).append(".\nPlan: ").append(pick(PLANS, dice)).append(", ").append(pick(PLANS, dice))
                    .append(".\n");
            case "Respiratory" -> text.append("Respiratory Care Shift Note\nPt remains on ")
                    .append(dice.chance(0.6) ? "vent, settings: AC 500 x 14, PEEP 5, FiO2 40%" : "2L NC, sats 95-98%")
                    .append(".\nBS coarse, suctioned for \"thick, tan\" secretions. Plan: ").append(pick(PLANS, dice))
                    .append(".\n");
            case "Nutrition" -> text.append("Nutrition:\nPt is ").append(dice.chance(0.5) ? "NPO" : "on a cardiac diet")
                    .append(", weight ").append(Math.round(patient.weightKg())).append(" kg, estimated needs ")
                    .append(dice.between(1500, 2400)).append(" kcal/day.\nRecommend \"advance diet as tolerated\".\n");
            default -> text.append("Neuro: alert, oriented x").append(dice.between(1, 3)).append(", follows commands.\n")
                    .append("CV: HR ").append(dice.between(6, 11)).append("0s, ").append(pick(RHYTHMS, dice))
                    .append(", SBP ").append(dice.between(95, 150)).append(".\nResp: sats ").append(dice.between(92, 100))
                    .append("% on ").append(dice.chance(0.5) ? "room air" : "2L NC").append(", lungs \"clear\".\n")
                    .append("GU: foley draining clear yellow urine.\nPlan: ").append(pick(PLANS, dice)).append(", ")
                    .append(pick(PLANS, dice)).append(".\n");
        }
        return text.toString();
    }

    /** The discharge summary of {@code a}: dates, service, history, course, diagnoses and disposition. */
    String dischargeSummary(Patient patient, Admission a, Dice dice) {
        StringBuilder text = new StringBuilder(1200);
        text.append("Admission Date:  ").append(date(a.admitTime())).append("              Discharge Date:   ")
                .append(date(a.dischargeTime())).append("\n\nDate of Birth:  ").append(date(Minutes.of(patient.dob())))
                .append("             Sex:   ").append(patient.gender()).append("\n\nService: ")
                .append(a.services().get(0).current()).append("\n\nAllergies:\n")
                .append(dice.chance(0.7) ? "No Known Allergies to Drugs" : "Penicillins / \"Sulfa (Sulfonamides)\"")
                .append("\n\nAttending:[**First Name3 (LF) ").append(dice.between(100, 9999)).append("**]\n\n")
                .append("Chief Complaint:\n")
                .append(a.diagnoses().isEmpty() ? "weakness" : a.diagnoses().get(0).shortTitle().toLowerCase(Locale.ROOT))
                .append("\n\nHistory of Present Illness:\n").append(age(patient, a)).append(' ')
                .append(patient.gender().equals("M") ? "man" : "woman").append(" with a history of ")
                .append(titles(a.diagnoses().subList(Math.min(1, a.diagnoses().size()), a.diagnoses().size()), 3))
                .append(" who presented ").append(a.location().equals("EMERGENCY ROOM ADMIT") ? "to the ED" : "as a "
                        + a.type().toLowerCase(Locale.ROOT) + " admission")
                .append(" and was admitted to the ").append(unit(a)).append(".\n\nBrief Hospital Course:\n");
        for (IcdCode code : a.diagnoses().subList(0, Math.min(4, a.diagnoses().size()))) {
            text.append("# ").append(code.longTitle()).append(": ").append(pick(PLANS, dice)).append(".\n");
        }
        text.append("\nDischarge Diagnosis:\n");
        for (int i = 0; i < a.diagnoses().size() && i < 6; i++) {
            text.append(i + 1).append(". ").append(a.diagnoses().get(i).longTitle()).append('\n');
        }
        text.append("\nDischarge Disposition:\n").append(a.died() ? "Expired" : a.dischargeLocation())
                .append("\n\nDischarge Condition:\n")
                .append(a.died() ? "Expired." : pick(CONDITIONS, dice)).append("\n\n")
                .append("                             [**First Name11 (Name Pattern1) ").append(dice.between(100, 999))
                .append("**] [**Last Name (NamePattern4) ").append(dice.between(100, 999)).append("**], MD ")
                .append("[**MD Number(1) ").append(dice.between(100, 999)).append("**]\n");
        return text.toString();
    }

    /** A date placeholder as MIMIC writes them: {@code [**2005-7-16**]}. */
    private static String date(long minutes) {
        LocalDate date = Minutes.date(minutes);
        return "[**" + date.getYear() + "-" + date.getMonthValue() + "-" + date.getDayOfMonth() + "**]";
    }

    private static String clock(long minutes) {
        long minuteOfDay = minutes - Minutes.startOfDay(minutes);
        long hour = minuteOfDay / 60;
        return String.format(Locale.ROOT, "%d:%02d %s", hour % 12 == 0 ? 12 : hour % 12, minuteOfDay % 60,
                hour < 12 ? "AM" : "PM");
    }

    private static String age(Patient patient, Admission a) {
        return patient.over89() ? "[**Age over 90 **]-year-old" : a.age() + "-year-old";
    }

    private static String unit(Admission a) {
        return a.icuStays().isEmpty() ? "floor" : a.icuStays().get(0).firstCareUnit();
    }

    private static String titles(List<IcdCode> codes, int most) {
        if (codes.isEmpty()) {
            return "no significant past medical history";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codes.size() && i < most; i++) {
            if (i > 0) {
                text.append(i == Math.min(most, codes.size()) - 1 ? " and " : ", ");
            }
            text.append(codes.get(i).longTitle().toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    private static String pick(String[] values, Dice dice) {
        return values[dice.below(values.length)];
    }

    private static String capital(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
