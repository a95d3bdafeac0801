package dev.strata.etl.generate;

import java.time.LocalDateTime;
import java.util.Objects;

/** One logical 311 service request, typed as the clean zone should end up with it. */
public record ServiceRequest(long caseId, String caseSummary, String caseStatus, String caseSource,
        LocalDateTime createdAt, LocalDateTime closedAt, boolean firstCallResolution, String customerZip,
        String incidentAddress1, String incidentAddress2, String intersection1, String intersection2,
        String incidentZip, Double longitude, Double latitude, String agency, String division, String majorArea,
        String type, String topic, int councilDistrict, int policeDistrict, String neighborhood) {

    public ServiceRequest {
        Objects.requireNonNull(caseStatus, "caseStatus is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }

    public boolean resolved() {
        return caseStatus.equals("Closed");
    }
}
