package dev.strata.samples.telemetry;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one telemetry generation wrote, and the truth the simulation knows that the feed only shows.
 *
 * @param files the files, one per day, in order
 * @param lines data lines written (headers not counted), good and defective, resends included
 * @param bytes bytes written, headers included
 * @param defects lines per {@link TelemetryDefect}, every kind present (0 when none), {@link TelemetryDefect#NONE}
 *     included
 * @param vehicleDays the (vehicle, day) pairs with at least one good report
 * @param breakdowns the breakdowns whose fault code is in at least one good report, in time order
 * @param runningHours the hours the vehicles' engines ran in the written days, by the simulation
 * @param drivenKm the kilometres the vehicles drove in the written days, by their odometers
 */
public record TelemetryReport(FeedFormat format, List<Path> files, long lines, long bytes,
        Map<TelemetryDefect, Long> defects, long vehicleDays, List<String> breakdowns, double runningHours,
        double drivenKm) {

    public TelemetryReport {
        Objects.requireNonNull(format, "format is null");
        files = List.copyOf(Objects.requireNonNull(files, "files is null"));
        Objects.requireNonNull(defects, "defects is null");
        EnumMap<TelemetryDefect, Long> all = new EnumMap<>(TelemetryDefect.class);
        for (TelemetryDefect d : TelemetryDefect.values()) {
            all.put(d, defects.getOrDefault(d, 0L));
        }
        defects = Collections.unmodifiableMap(all);
        breakdowns = List.copyOf(Objects.requireNonNull(breakdowns, "breakdowns is null"));
    }

    public long count(TelemetryDefect defect) {
        return defects.get(Objects.requireNonNull(defect, "defect is null"));
    }

    /** Good reports written once: what the clean table holds. */
    public long goodReports() {
        return count(TelemetryDefect.NONE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d lines in %d file(s), %,d bytes; %,d good reports over %,d vehicle-days;"
                + " %,d defective lines (%s); %d breakdown(s)%s; engines ran %.1f h, vehicles drove %.1f km", lines,
                files.size(), bytes, goodReports(), vehicleDays, lines - goodReports(),
                TelemetryDefect.kinds().stream().map(d -> d.name().toLowerCase(Locale.ROOT) + " " + count(d))
                        .collect(Collectors.joining(", ")), breakdowns.size(),
                breakdowns.isEmpty() ? "" : " (" + String.join("; ", breakdowns.subList(0, Math.min(5,
                        breakdowns.size()))) + (breakdowns.size() > 5 ? "; ..." : "") + ")", runningHours, drivenKm);
    }
}
