package dev.strata.tests;

import dev.strata.samples.GeneratedRow;
import dev.strata.samples.ServiceRequest;
import dev.strata.samples.ServiceRequestGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the clean and curated zones must hold for the 311 sample, worked out here from the generator's
 * logical rows, without Spark and without the engine's code.
 */
final class ExpectedServiceRequests {

    final long read;
    final long duplicates;
    final long quarantined;
    final Map<Long, ServiceRequest> clean = new HashMap<>();
    final Map<String, Long> quarantinedByRule = new TreeMap<>();

    ExpectedServiceRequests(long seed, long rows) {
        List<GeneratedRow> all = new ServiceRequestGenerator(seed).rows(rows).toList();
        read = all.size();
        // every valid version of each case, in file order
        Map<Long, List<GeneratedRow>> versions = new LinkedHashMap<>();
        for (GeneratedRow row : all) {
            switch (row.defect()) {
                case NONE, DUPLICATE_EXACT, DUPLICATE_CONFLICT ->
                        versions.computeIfAbsent(row.request().caseId(), k -> new ArrayList<>()).add(row);
                default -> quarantinedByRule.merge(rule(row), 1L, Long::sum);
            }
        }
        long dups = 0;
        for (List<GeneratedRow> rowsOfCase : versions.values()) {
            // the last version wins; identical copies are duplicates; other contents lose as 'unique'
            clean.put(rowsOfCase.get(0).request().caseId(), rowsOfCase.get(rowsOfCase.size() - 1).request());
            List<byte[]> distinct = new ArrayList<>();
            for (GeneratedRow row : rowsOfCase) {
                if (distinct.stream().anyMatch(d -> Arrays.equals(d, row.csv()))) {
                    dups++;
                } else {
                    distinct.add(row.csv());
                }
            }
            if (distinct.size() > 1) {
                quarantinedByRule.merge("unique", (long) distinct.size() - 1, Long::sum);
            }
        }
        duplicates = dups;
        quarantined = quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String rule(GeneratedRow row) {
        return switch (row.defect()) {
            case UNPARSEABLE_DATE -> "type_case_created_dttm";
            case MISSING_KEY -> "not_null_case_id";
            case WRONG_TYPE -> "type_" + row.defectColumn();
            case TOO_FEW_FIELDS, TOO_MANY_FIELDS -> "parse_fields";
            case INVALID_UTF8 -> "encoding";
            case OUT_OF_RANGE -> "range_" + row.defectColumn();
            case UNKNOWN_STATUS -> "allowed_values_case_status";
            case CLOSED_BEFORE_CREATED -> "closed_after_created";
            case NONE, DUPLICATE_EXACT, DUPLICATE_CONFLICT -> throw new IllegalArgumentException("not quarantined");
        };
    }

    Map<String, Long> totalByMonth() {
        Map<String, Long> months = new TreeMap<>();
        for (ServiceRequest r : clean.values()) {
            months.merge(LocalDate.from(r.createdAt()).withDayOfMonth(1).toString(), 1L, Long::sum);
        }
        return months;
    }

    Map<String, Long> closedByMonth() {
        Map<String, Long> months = new TreeMap<>();
        for (ServiceRequest r : clean.values()) {
            if (r.resolved()) {
                months.merge(LocalDate.from(r.createdAt()).withDayOfMonth(1).toString(), 1L, Long::sum);
            }
        }
        return months;
    }

    Map<String, Long> count(java.util.function.Function<ServiceRequest, Object> key) {
        Map<String, Long> counts = new TreeMap<>();
        for (ServiceRequest r : clean.values()) {
            counts.merge(String.valueOf(key.apply(r)), 1L, Long::sum);
        }
        return counts;
    }
}
