package dev.strata.samples.mimic;

import java.util.List;
import java.util.Objects;

/**
 * One hospital admission as planned: times (whole minutes, {@link Minutes#NONE} where absent), the
 * ADMISSIONS columns, the ICU stays, the movements between wards and ICUs (the TRANSFERS rows but the
 * final discharge), the services, and the billed diagnoses and procedures in sequence order.
 *
 * @param died whether the patient died in hospital at {@code dischargeTime}
 * @param dbsource the ICU information system of the time: {@code carevue} (2001-2008) or {@code metavision}
 * @param age whole years at admission (300 and more for a patient older than 89)
 */
record Admission(long hadmId, long admitTime, long dischargeTime, boolean died, String type, String location,
        String dischargeLocation, String insurance, String language, String religion, String maritalStatus,
        String ethnicity, long edRegTime, long edOutTime, String dbsource, int age, List<IcuStay> icuStays,
        List<Movement> movements, List<ServiceChange> services, List<IcdCode> diagnoses, List<IcdCode> procedures) {

    Admission {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(dischargeLocation, "dischargeLocation is null");
        Objects.requireNonNull(insurance, "insurance is null");
        Objects.requireNonNull(ethnicity, "ethnicity is null");
        Objects.requireNonNull(dbsource, "dbsource is null");
        icuStays = List.copyOf(Objects.requireNonNull(icuStays, "icuStays is null"));
        movements = List.copyOf(Objects.requireNonNull(movements, "movements is null"));
        services = List.copyOf(Objects.requireNonNull(services, "services is null"));
        diagnoses = List.copyOf(Objects.requireNonNull(diagnoses, "diagnoses is null"));
        procedures = List.copyOf(Objects.requireNonNull(procedures, "procedures is null"));
        if (dischargeTime <= admitTime) {
            throw new IllegalArgumentException("admission " + hadmId + " must end after it starts, cannot end at "
                    + Minutes.time(dischargeTime) + " when it starts at " + Minutes.time(admitTime));
        }
    }

    /** DEATHTIME: the discharge time of a patient who died in hospital, else none. */
    long deathTime() {
        return died ? dischargeTime : Minutes.NONE;
    }

    /** Minutes of {@code from}..{@code to} the patient spent in an ICU. */
    long icuMinutes(long from, long to) {
        long total = 0;
        for (IcuStay stay : icuStays) {
            total += Math.max(0, Math.min(to, stay.outTime()) - Math.max(from, stay.inTime()));
        }
        return total;
    }
}
