package dev.strata.samples;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One logical 311 service request, typed the way the clean table should hold it. A null stands for
 * an empty CSV field. {@code closedAt} is null for an unresolved case.
 */
public record ServiceRequest(
        long caseId,
        String caseSummary,
        String caseStatus,
        String caseSource,
        LocalDateTime createdAt,
        LocalDateTime closedAt,
        Boolean firstCallResolution,
        String customerZip,
        String incidentAddress1,
        String incidentAddress2,
        String intersection1,
        String intersection2,
        String incidentZip,
        Double longitude,
        Double latitude,
        String agency,
        String division,
        String majorArea,
        String type,
        String topic,
        Integer councilDistrict,
        Integer policeDistrict,
        String neighborhood) {

    public ServiceRequest {
        Objects.requireNonNull(caseSummary, "caseSummary is null");
        Objects.requireNonNull(caseStatus, "caseStatus is null");
        Objects.requireNonNull(caseSource, "caseSource is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(agency, "agency is null");
        Objects.requireNonNull(division, "division is null");
        Objects.requireNonNull(majorArea, "majorArea is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(topic, "topic is null");
    }

    /** Resolved means closed; Open and In Progress are unresolved. */
    public boolean resolved() {
        return caseStatus.equals(ServiceCatalog.CLOSED);
    }

    /** The same case with another status and closing time (how a later update of it looks). */
    public ServiceRequest withResolution(String status, LocalDateTime closed, Boolean firstCall) {
        return new ServiceRequest(caseId, caseSummary, status, caseSource, createdAt, closed, firstCall, customerZip,
                incidentAddress1, incidentAddress2, intersection1, intersection2, incidentZip, longitude, latitude,
                agency, division, majorArea, type, topic, councilDistrict, policeDistrict, neighborhood);
    }

    /** The same case at other coordinates. */
    public ServiceRequest withCoordinates(Double newLongitude, Double newLatitude) {
        return new ServiceRequest(caseId, caseSummary, caseStatus, caseSource, createdAt, closedAt,
                firstCallResolution, customerZip, incidentAddress1, incidentAddress2, intersection1, intersection2,
                incidentZip, newLongitude, newLatitude, agency, division, majorArea, type, topic, councilDistrict,
                policeDistrict, neighborhood);
    }
}
