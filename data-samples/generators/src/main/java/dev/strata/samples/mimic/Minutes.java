package dev.strata.samples.mimic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Points in time as whole minutes since 1970-01-01 00:00 (negative before), the one representation of
 * time in the plan: cheap to add to, compare and print. {@link #NONE} stands for a missing time.
 */
final class Minutes {

    /** No time (a null in the output). */
    static final long NONE = Long.MIN_VALUE;
    static final long HOUR = 60;
    static final long DAY = 24 * HOUR;

    private Minutes() {
    }

    static long of(LocalDate date) {
        return date.toEpochDay() * DAY;
    }

    /** The midnight that starts the day holding {@code minutes}. */
    static long startOfDay(long minutes) {
        return Math.floorDiv(minutes, DAY) * DAY;
    }

    static LocalDate date(long minutes) {
        return LocalDate.ofEpochDay(Math.floorDiv(minutes, DAY));
    }

    static LocalDateTime time(long minutes) {
        return LocalDateTime.ofEpochSecond(minutes * 60, 0, ZoneOffset.UTC);
    }

    /** {@code minutes} as days, e.g. for a length of stay. */
    static double days(long minutes) {
        return minutes / (double) DAY;
    }

    /** {@code minutes} as hours. */
    static double hours(long minutes) {
        return minutes / (double) HOUR;
    }

    /**
     * The civil date of an epoch day as {@code year * 10000 + month * 100 + day} (proleptic Gregorian,
     * any year from 1 to 9999), without allocating.
     */
    static int civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shifted = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shifted + 2) / 5 + 1;
        long month = shifted < 10 ? shifted + 3 : shifted - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (int) (year * 10_000 + month * 100 + day);
    }
}
