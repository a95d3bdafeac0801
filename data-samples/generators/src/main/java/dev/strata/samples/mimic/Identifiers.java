package dev.strata.samples.mimic;

/**
 * Hands out HADM_ID (from 100001) and ICUSTAY_ID (from 200001) in the order patients are planned, so
 * that patient k gets the same identifiers whatever the number of patients after k. One per run.
 */
final class Identifiers {

    static final long FIRST_HADM_ID = 100_001;
    static final long FIRST_ICUSTAY_ID = 200_001;

    private long nextHadmId = FIRST_HADM_ID;
    private long nextIcustayId = FIRST_ICUSTAY_ID;

    long nextHadmId() {
        return nextHadmId++;
    }

    long nextIcustayId() {
        return nextIcustayId++;
    }
}
