package dev.strata.samples.mimic;

import java.io.IOException;

/** Writes one patient's rows of some tables, from the plan and a dice of its own. */
interface PatientRows {

    void write(Patient patient, TableFiles files) throws IOException;
}
