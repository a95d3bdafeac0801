package dev.strata.samples.mimic;

import dev.strata.samples.Weighted;
import dev.strata.samples.Dice;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans one patient's hospital course from the run's seed and the subject id alone: sex, age (about 7%
 * older than 89, whose date of birth is shifted 300 years back as in MIMIC), 1 to 5 admissions between
 * 2001 and 2012 (about 1.3 on average) of 2 to 15 days, about 1.2 ICU stays an admission with the
 * wards in between, services, diagnoses and procedures, and death: about 9% of admissions end in a
 * death in hospital, and a share of the survivors die later (a date of death from the social security
 * death index only).
 */
final class PatientFactory {

    /** The first and last day of the de-shifted extract. */
    static final LocalDate FIRST_DAY = LocalDate.of(2001, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2012, 12, 31);
    /** Admissions from this day on are charted in MetaVision, earlier ones in CareVue. */
    static final LocalDate METAVISION_FROM = LocalDate.of(2008, 6, 1);

    private static final long SALT = 0x5041_5449_454E_54L;
    private static final double[] ADMISSION_COUNTS = {0.80, 0.12, 0.045, 0.02, 0.015};
    private static final double[] ICU_STAY_COUNTS = {0.83, 0.14, 0.03};
    private static final int FIRST_ICU_WARD = 50;
    private static final int GENERAL_WARDS = 45;
    private static final Weighted<String> LANGUAGES = Weighted.of("languages", List.of("ENGL", "SPAN", "RUSS",
            "PTUN", "CANT", "PORT", "MAND", "HAIT", "ITAL", "VIET"), l -> switch (l) {
                case "ENGL" -> 86;
                case "SPAN" -> 4;
                case "RUSS" -> 2.2;
                case "PTUN" -> 1.6;
                case "CANT" -> 1.3;
                default -> 1;
            });
    private static final Weighted<String> RELIGIONS = Weighted.of("religions", List.of("CATHOLIC",
            "NOT SPECIFIED", "UNOBTAINABLE", "PROTESTANT QUAKER", "JEWISH", "OTHER", "EPISCOPALIAN",
            "GREEK ORTHODOX", "CHRISTIAN SCIENTIST", "BUDDHIST", "MUSLIM", "JEHOVAH'S WITNESS",
            "UNITARIAN-UNIVERSALIST", "HINDU", "ROMANIAN EAST. ORTH", "7TH DAY ADVENTIST", "BAPTIST", "LUTHERAN"),
            r -> switch (r) {
                case "CATHOLIC" -> 35;
                case "NOT SPECIFIED" -> 20;
                case "UNOBTAINABLE" -> 13;
                case "PROTESTANT QUAKER" -> 12;
                case "JEWISH" -> 9;
                case "OTHER" -> 4;
                case "EPISCOPALIAN" -> 1.5;
                case "GREEK ORTHODOX" -> 0.9;
                case "CHRISTIAN SCIENTIST" -> 0.8;
                default -> 0.4;
            });
    private static final Weighted<String> MARITAL_STATUSES = Weighted.of("marital statuses", List.of("MARRIED",
            "SINGLE", "WIDOWED", "DIVORCED", "SEPARATED", "UNKNOWN (DEFAULT)", "LIFE PARTNER"), m -> switch (m) {
                case "MARRIED" -> 47;
                case "SINGLE" -> 28;
                case "WIDOWED" -> 14;
                case "DIVORCED" -> 7;
                case "SEPARATED" -> 1.3;
                case "UNKNOWN (DEFAULT)" -> 0.7;
                default -> 0.03;
            });

    private final long seed;
    private final Catalogue catalogue;
    private final List<String> careUnits;

    PatientFactory(long seed, Catalogue catalogue) {
        this.seed = seed;
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
        this.careUnits = catalogue.careUnitNames();
    }

    /** The plan of patient {@code subjectId}; identifiers come from {@code ids} in admission order. */
    Patient patient(int subjectId, Identifiers ids) {
        Objects.requireNonNull(ids, "ids is null");
        Dice dice = Dice.of(seed, subjectId, SALT);
        String gender = dice.chance(0.56) ? "M" : "F";
        boolean over89 = dice.chance(0.07);
        double age = over89 ? 300 : adultAge(dice);
        String ethnicity = catalogue.ethnicity(dice);
        String language = LANGUAGES.draw(dice);
        String religion = RELIGIONS.draw(dice);
        String marital = dice.chance(0.04) ? null : MARITAL_STATUSES.draw(dice);
        double weightKg = Math.max(35, Math.min(220, dice.logNormal(gender.equals("M") ? 84 : 71, 0.22)));

        int admissionCount = 1 + pick(dice, ADMISSION_COUNTS);
        long lastStart = Minutes.of(LAST_DAY) - (admissionCount - 1) * 200L * Minutes.DAY - 20 * Minutes.DAY;
        long firstDay = Minutes.of(FIRST_DAY);
        long admit = firstDay + (long) (dice.unit() * ((lastStart - firstDay) / Minutes.DAY)) * Minutes.DAY;
        LocalDate dob = over89
                ? Minutes.date(admit).minusYears(300).minusDays(dice.below(365))
                : Minutes.date(admit).minusDays((long) (age * 365.2425));
        double inHospitalDeath = over89 ? 0.2 : clamp(0.11 + 0.0015 * (age - 60), 0.03, 0.25);
        boolean diesInHospital = dice.chance(inHospitalDeath);

        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < admissionCount; i++) {
            if (i > 0) {
                long previousDischarge = windows.get(i - 1)[1];
                long gap = (long) clamp(dice.logNormal(150, 0.9), 2, 1500);
                admit = Minutes.startOfDay(previousDischarge) + gap * Minutes.DAY;
                if (admit + 16 * Minutes.DAY > Minutes.of(LAST_DAY)) {
                    break;
                }
            }
            long length = (long) (clamp(dice.logNormal(5.3, 0.55), 2, 15) * Minutes.DAY);
            windows.add(new long[] {admit, admit + length});
        }
        List<Admission> admissions = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            boolean last = i == windows.size() - 1;
            admissions.add(admission(dice, ids, windows.get(i)[0], windows.get(i)[1], last && diesInHospital, dob,
                    over89, ethnicity, language, religion, marital));
        }

        long dod = Minutes.NONE;
        long dodHosp = Minutes.NONE;
        long dodSsn = Minutes.NONE;
        Admission lastAdmission = admissions.get(admissions.size() - 1);
        if (lastAdmission.died()) {
            dod = Minutes.startOfDay(lastAdmission.dischargeTime());
            dodHosp = dod;
            dodSsn = dice.chance(0.75) ? dod : Minutes.NONE;
        } else if (dice.chance(over89 ? 0.45 : clamp(0.18 + 0.003 * (age - 60), 0.05, 0.4))) {
            long after = (long) clamp(dice.logNormal(300, 1.0), 1, 2500);
            dod = Minutes.startOfDay(lastAdmission.dischargeTime()) + after * Minutes.DAY;
            dodSsn = dod;
        }
        return new Patient(subjectId, gender, dob, over89, dod, dodHosp, dodSsn, weightKg, admissions);
    }

    private Admission admission(Dice dice, Identifiers ids, long day, long end, boolean died, LocalDate dob,
            boolean over89, String ethnicity, String language, String religion, String marital) {
        long hadmId = ids.nextHadmId();
        String type = catalogue.admissionType(dice);
        boolean elective = type.equals("ELECTIVE");
        long start = Minutes.startOfDay(day) + (elective ? dice.between(6 * 60, 11 * 60) : dice.below(24 * 60));
        long discharge = start + (end - day);
        String location;
        if (elective && catalogue.hasAdmissionLocation("PHYS REFERRAL/NORMAL DELI") && dice.chance(0.9)) {
            location = "PHYS REFERRAL/NORMAL DELI";
        } else if (type.equals("EMERGENCY") && catalogue.hasAdmissionLocation("EMERGENCY ROOM ADMIT")
                && dice.chance(0.65)) {
            location = "EMERGENCY ROOM ADMIT";
        } else {
            location = catalogue.admissionLocation(dice);
        }
        long edRegistered = Minutes.NONE;
        long edOut = Minutes.NONE;
        if (location.equals("EMERGENCY ROOM ADMIT")) {
            edRegistered = start - dice.between(60, 600);
            edOut = start + dice.between(0, 120);
        }
        int age = Period.between(dob, Minutes.date(start)).getYears();
        String dbsource = Minutes.date(start).isBefore(METAVISION_FROM) ? "carevue" : "metavision";
        String insurance = age >= 65 && catalogue.hasInsurance("Medicare") && dice.chance(0.8) ? "Medicare"
                : catalogue.insurance(dice);
        String admissionLanguage = dbsource.equals("carevue") && dice.chance(0.55) ? null : language;
        String dischargeLocation = died ? Catalogue.DEAD : catalogue.dischargeLocation(dice);

        List<IcdCode> diagnoses = distinct(dice, (int) clamp(Math.round(dice.normal(9, 3.5)), 1, 39),
                catalogue.diagnoses().size(), true);
        List<IcdCode> procedures = distinct(dice, Math.min(dice.poisson(3.8), 20), catalogue.procedures().size(),
                false);

        List<Movement> movements = new ArrayList<>();
        List<IcuStay> stays = new ArrayList<>();
        course(dice, ids, start, discharge, died, elective, dbsource, movements, stays);
        List<ServiceChange> services = new ArrayList<>();
        String service = catalogue.service(dice);
        services.add(new ServiceChange(start, null, service));
        long changeFrom = start;
        while (services.size() < 3 && dice.chance(services.size() == 1 ? 0.25 : 0.2)) {
            long at = changeFrom + (long) (dice.uniform(0.2, 0.8) * (discharge - changeFrom));
            String next = catalogue.service(dice);
            if (next.equals(service) || at <= changeFrom) {
                break;
            }
            services.add(new ServiceChange(at, service, next));
            service = next;
            changeFrom = at;
        }
        return new Admission(hadmId, start, discharge, died, type, location, dischargeLocation, insurance,
                admissionLanguage, religion, marital, ethnicity, edRegistered, edOut, dbsource, age, stays, movements,
                services, diagnoses, procedures);
    }

    /**
     * Lays the ICU stays and ward stretches end to end from admission to discharge: maybe a ward first,
     * then each ICU stay (a ward between two), maybe a ward last (a patient who dies mostly dies in the ICU).
     */
    private void course(Dice dice, Identifiers ids, long start, long discharge, boolean died, boolean elective,
            String dbsource, List<Movement> movements, List<IcuStay> stays) {
        int icuStays = 1 + pick(dice, ICU_STAY_COUNTS);
        boolean wardFirst = dice.chance(elective ? 0.25 : 0.4);
        boolean wardLast = died ? dice.chance(0.2) : dice.chance(0.88);
        List<Boolean> icu = new ArrayList<>();
        if (wardFirst) {
            icu.add(false);
        }
        for (int i = 0; i < icuStays; i++) {
            if (i > 0) {
                icu.add(false);
            }
            icu.add(true);
        }
        if (wardLast) {
            icu.add(false);
        }
        long total = discharge - start;
        int wards = (int) icu.stream().filter(i -> !i).count();
        long[] lengths = new long[icu.size()];
        if (wards == 0) {
            lengths[0] = total;
        } else {
            double[] icuDays = new double[icuStays];
            double icuTotal = 0;
            for (int i = 0; i < icuStays; i++) {
                icuDays[i] = clamp(dice.logNormal(1.2, 0.65), 0.3, 12);
                icuTotal += icuDays[i];
            }
            double scale = Math.min(1, 0.8 * Minutes.days(total) / icuTotal);
            double[] wardShares = new double[wards];
            double shareTotal = 0;
            for (int i = 0; i < wards; i++) {
                wardShares[i] = 0.25 + dice.unit();
                shareTotal += wardShares[i];
            }
            long icuMinutes = 0;
            int stay = 0;
            for (int i = 0; i < lengths.length; i++) {
                if (icu.get(i)) {
                    lengths[i] = Math.max(60, (long) (icuDays[stay++] * scale * Minutes.DAY));
                    icuMinutes += lengths[i];
                }
            }
            long wardMinutes = total - icuMinutes;
            int ward = 0;
            for (int i = 0; i < lengths.length; i++) {
                if (!icu.get(i)) {
                    lengths[i] = (long) (wardMinutes * wardShares[ward++] / shareTotal);
                }
            }
        }
        long time = start;
        String previousUnit = null;
        for (int i = 0; i < lengths.length; i++) {
            long end = i == lengths.length - 1 ? discharge : time + lengths[i];
            if (!icu.get(i)) {
                movements.add(new Movement(0, null, 1 + dice.below(GENERAL_WARDS), time, end));
            } else {
                long icustayId = ids.nextIcustayId();
                String first = previousUnit != null && dice.chance(0.6) ? previousUnit : catalogue.careUnit(dice);
                String last = first;
                int firstWard = icuWard(first, dice);
                int lastWard = firstWard;
                long split = Minutes.NONE;
                if (dice.chance(0.06) && end - time > 12 * Minutes.HOUR) {
                    String other = catalogue.careUnit(dice);
                    if (!other.equals(first)) {
                        last = other;
                        lastWard = icuWard(other, dice);
                        split = time + (long) ((end - time) * dice.uniform(0.3, 0.7));
                    }
                }
                if (split == Minutes.NONE) {
                    movements.add(new Movement(icustayId, first, firstWard, time, end));
                } else {
                    movements.add(new Movement(icustayId, first, firstWard, time, split));
                    movements.add(new Movement(icustayId, last, lastWard, split, end));
                }
                stays.add(new IcuStay(icustayId, dbsource, first, last, firstWard, lastWard, time, end));
                previousUnit = last;
            }
            time = end;
        }
    }

    /** The ward of an ICU care unit: two wards a unit, numbered from 50 in catalogue order. */
    private int icuWard(String careUnit, Dice dice) {
        return FIRST_ICU_WARD + 2 * careUnits.indexOf(careUnit) + dice.below(2);
    }

    /** {@code count} different codes drawn by weight (fewer if the catalogue runs short). */
    private List<IcdCode> distinct(Dice dice, int count, int available, boolean diagnoses) {
        int wanted = Math.min(count, available / 2 + 1);
        List<IcdCode> codes = new ArrayList<>(wanted);
        Set<String> seen = new HashSet<>();
        for (int tries = 0; codes.size() < wanted && tries < wanted * 6; tries++) {
            IcdCode code = diagnoses ? catalogue.diagnosis(dice) : catalogue.procedure(dice);
            if (seen.add(code.code())) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** An adult age in years, 18 to 89, centred on the mid sixties like MIMIC's adults. */
    private static double adultAge(Dice dice) {
        double age;
        do {
            age = dice.normal(64, 16.5);
        } while (age < 18 || age >= 90);
        return age;
    }

    /** An index drawn with the given probabilities (the last takes what is left). */
    private static int pick(Dice dice, double[] probabilities) {
        double roll = dice.unit();
        for (int i = 0; i < probabilities.length - 1; i++) {
            roll -= probabilities[i];
            if (roll < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
