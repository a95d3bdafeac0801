package dev.strata.samples.mimic;

import java.util.Objects;

/** One ICU stay (an ICUSTAYS row): from the first to the last ICU care unit, within one admission. */
record IcuStay(long icustayId, String dbsource, String firstCareUnit, String lastCareUnit, int firstWardId,
        int lastWardId, long inTime, long outTime) {

    IcuStay {
        Objects.requireNonNull(dbsource, "dbsource is null");
        Objects.requireNonNull(firstCareUnit, "firstCareUnit is null");
        Objects.requireNonNull(lastCareUnit, "lastCareUnit is null");
        if (outTime <= inTime) {
            throw new IllegalArgumentException("ICU stay " + icustayId + " must end after it starts, cannot last: "
                    + (outTime - inTime) + " minutes");
        }
    }

    boolean metavision() {
        return dbsource.equals("metavision");
    }

    long minutes() {
        return outTime - inTime;
    }
}
