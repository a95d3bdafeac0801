package dev.strata.samples.mimic;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes the plan itself: PATIENTS, ADMISSIONS, ICUSTAYS, TRANSFERS (an admit row, a transfer row for
 * each move between wards and ICUs, and a discharge row, consistent with ICUSTAYS) and SERVICES.
 */
final class AdmissionRows implements PatientRows {

    /** ADMISSIONS.DIAGNOSIS is a VARCHAR(255) in MIMIC-III; the admitting diagnosis is the first code's title. */
    static final int DIAGNOSIS_LENGTH = 255;

    private final boolean charted;

    /** @param charted whether ICU stays get CHARTEVENTS rows (HAS_CHARTEVENTS_DATA) */
    AdmissionRows(boolean charted) {
        this.charted = charted;
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        TableWriter patients = files.writer(MimicTable.PATIENTS);
        patients.integer(patients.nextRowId()).integer(patient.subjectId()).text(patient.gender())
                .time(Minutes.of(patient.dob())).date(patient.dod()).date(patient.dodHosp()).date(patient.dodSsn())
                .integer(patient.expired() ? 1 : 0).end();
        for (Admission admission : patient.admissions()) {
            admission(patient, admission, files);
        }
    }

    private void admission(Patient patient, Admission a, TableFiles files) throws IOException {
        int subject = patient.subjectId();
        TableWriter admissions = files.writer(MimicTable.ADMISSIONS);
        String diagnosis = a.diagnoses().isEmpty() ? null : a.diagnoses().get(0).longTitle().toUpperCase(Locale.ROOT);
        if (diagnosis != null && diagnosis.length() > DIAGNOSIS_LENGTH) {
            diagnosis = diagnosis.substring(0, DIAGNOSIS_LENGTH);
        }
        admissions.integer(admissions.nextRowId()).integer(subject).integer(a.hadmId()).time(a.admitTime())
                .time(a.dischargeTime()).time(a.deathTime()).text(a.type()).text(a.location())
                .text(a.dischargeLocation()).text(a.insurance()).text(a.language()).text(a.religion())
                .text(a.maritalStatus()).text(a.ethnicity()).time(a.edRegTime()).time(a.edOutTime()).text(diagnosis)
                .integer(a.died() ? 1 : 0).integer(charted && !a.icuStays().isEmpty() ? 1 : 0).end();

        TableWriter stays = files.writer(MimicTable.ICUSTAYS);
        for (IcuStay stay : a.icuStays()) {
            stays.integer(stays.nextRowId()).integer(subject).integer(a.hadmId()).integer(stay.icustayId())
                    .text(stay.dbsource()).text(stay.firstCareUnit()).text(stay.lastCareUnit())
                    .integer(stay.firstWardId()).integer(stay.lastWardId()).time(stay.inTime()).time(stay.outTime())
                    .quotient(stay.minutes(), Minutes.DAY, 4).end();
        }

        TableWriter transfers = files.writer(MimicTable.TRANSFERS);
        List<Movement> movements = a.movements();
        Movement previous = null;
        for (int i = 0; i < movements.size(); i++) {
            Movement m = movements.get(i);
            transfers.integer(transfers.nextRowId()).integer(subject).integer(a.hadmId()).id(m.icustayId())
                    .text(a.dbsource()).text(i == 0 ? "admit" : "transfer")
                    .text(previous == null ? null : previous.careUnit()).text(m.careUnit())
                    .id(previous == null ? 0 : previous.wardId()).integer(m.wardId()).time(m.inTime())
                    .time(m.outTime()).quotient(m.outTime() - m.inTime(), Minutes.HOUR, 2).end();
            previous = m;
        }
        Movement last = movements.get(movements.size() - 1);
        transfers.integer(transfers.nextRowId()).integer(subject).integer(a.hadmId()).empty().text(a.dbsource())
                .text("discharge").text(last.careUnit()).empty().integer(last.wardId()).empty()
                .time(a.dischargeTime()).empty().empty().end();

        TableWriter services = files.writer(MimicTable.SERVICES);
        for (ServiceChange change : a.services()) {
            services.integer(services.nextRowId()).integer(subject).integer(a.hadmId()).time(change.time())
                    .text(change.previous()).text(change.current()).end();
        }
    }
}
