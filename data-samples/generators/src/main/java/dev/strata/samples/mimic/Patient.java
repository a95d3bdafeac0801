package dev.strata.samples.mimic;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic patient and everything planned for them: demographics, date of birth (shifted 300
 * years back for a patient older than 89, as MIMIC does), death dates ({@link Minutes#NONE} when
 * unknown) and the hospital admissions in time order.
 *
 * @param weightKg body weight, for INPUTEVENTS_MV.PATIENTWEIGHT
 */
record Patient(int subjectId, String gender, LocalDate dob, boolean over89, long dod, long dodHosp, long dodSsn,
        double weightKg, List<Admission> admissions) {

    Patient {
        Objects.requireNonNull(gender, "gender is null");
        Objects.requireNonNull(dob, "dob is null");
        admissions = List.copyOf(Objects.requireNonNull(admissions, "admissions is null"));
        if (subjectId <= 0) {
            throw new IllegalArgumentException("subject id must be at least 1, cannot be: " + subjectId);
        }
        if (admissions.isEmpty()) {
            throw new IllegalArgumentException("patient " + subjectId + " must have at least one admission");
        }
    }

    /** EXPIRE_FLAG: whether a date of death is known. */
    boolean expired() {
        return dod != Minutes.NONE;
    }
}
