package dev.strata.samples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When cases are created: two calendar years (2024 and 2025) with a month-of-year season, a weekday
 * effect, quiet holidays, some day-to-day noise, a few snowstorms per winter (a burst of calls, most of
 * them about snow) and a daytime-heavy hour-of-day profile. Immutable once built from the seed.
 */
final class CreationCalendar {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int FIRST_YEAR = 2024;
    static final int YEARS = 2;
    static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, FIRST_DAY.plusYears(YEARS));
    /** When the extract was taken: a case not closed by then is still open in the data. */
    static final LocalDateTime EXTRACT_TIME = FIRST_DAY.plusYears(YEARS).atTime(6, 0);

    /** Overall volume by month, January first: busier in summer. */
    private static final double[] MONTHLY = {0.88, 0.9, 0.98, 1.02, 1.1, 1.16, 1.18, 1.14, 1.06, 1.0, 0.9, 0.84};
    /** Volume by weekday, Monday first. */
    private static final double[] WEEKDAY = {1.25, 1.17, 1.12, 1.08, 0.98, 0.52, 0.42};
    /** Calls by hour of day for phone, walk-in and email: office hours. */
    private static final Weights OFFICE_HOURS = new Weights(
            0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 1.0, 2.8, 5.2, 6.2, 6.3, 6.0,
            5.2, 5.9, 6.0, 5.5, 4.6, 3.0, 1.8, 1.3, 1.0, 0.8, 0.6, 0.4);
    /** Requests by hour of day for web, app and social media: spread into the evening. */
    private static final Weights ONLINE_HOURS = new Weights(
            0.9, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.6, 4.2, 4.4, 4.4,
            4.3, 4.3, 4.3, 4.2, 4.1, 4.2, 4.3, 4.4, 4.2, 3.6, 2.6, 1.6);
    private static final int STORMS_PER_WINTER = 6;

    private final double[][] cumulativeByYear;
    private final boolean[] snowDay;
    private final boolean[] afterSnow;

    CreationCalendar(long seed) {
        Dice random = new Dice(seed ^ 0x5DEECE66DL);
        snowDay = new boolean[DAYS];
        afterSnow = new boolean[DAYS];
        for (int winter = FIRST_YEAR - 1; winter < FIRST_YEAR + YEARS; winter++) {
            LocalDate start = LocalDate.of(winter, Month.OCTOBER, 20);
            int length = (int) ChronoUnit.DAYS.between(start, LocalDate.of(winter + 1, Month.APRIL, 20));
            for (int s = 0; s < STORMS_PER_WINTER; s++) {
                int day = index(start.plusDays(random.nextInt(length)));
                for (int d = day; d < day + 3; d++) {
                    if (d >= 0 && d < DAYS) {
                        snowDay[d] = true;
                    }
                }
                for (int d = day + 3; d < day + 17; d++) {
                    if (d >= 0 && d < DAYS) {
                        afterSnow[d] = true;
                    }
                }
            }
        }
        cumulativeByYear = new double[YEARS][];
        for (int y = 0; y < YEARS; y++) {
            LocalDate first = LocalDate.of(FIRST_YEAR + y, 1, 1);
            int length = first.lengthOfYear();
            double[] cumulative = new double[length];
            double total = 0;
            for (int d = 0; d < length; d++) {
                LocalDate date = first.plusDays(d);
                double weight = MONTHLY[date.getMonthValue() - 1] * WEEKDAY[date.getDayOfWeek().getValue() - 1]
                        * (0.85 + 0.3 * random.nextDouble());
                if (holiday(date)) {
                    weight *= 0.35;
                }
                if (snowDay[index(date)]) {
                    weight *= 1.5;
                }
                total += weight;
                cumulative[d] = total;
            }
            for (int d = 0; d < length; d++) {
                cumulative[d] /= total;
            }
            cumulativeByYear[y] = cumulative;
        }
    }

    /** The day at {@code quantile} (0 inclusive to 1 exclusive) of the year's volume. */
    LocalDate day(int year, double quantile) {
        double[] cumulative = cumulativeByYear[year - FIRST_YEAR];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > quantile) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return LocalDate.of(year, 1, 1).plusDays(low);
    }

    /** An hour of day drawn from the profile of the channel. */
    static int hour(double roll, boolean online) {
        return (online ? ONLINE_HOURS : OFFICE_HOURS).pick(roll);
    }

    /** During and right after a snowstorm. */
    boolean snowDay(LocalDate date) {
        return snowDay[index(date)];
    }

    /** The two weeks after a storm, when the potholes open up. */
    boolean afterSnow(LocalDate date) {
        return afterSnow[index(date)];
    }

    /**
     * The time itself, or an hour later if it falls in the hour skipped when Denver moves its clocks
     * forward (2 AM on the second Sunday of March), so the data reads the same in a session time zone
     * with daylight saving time.
     */
    static LocalDateTime existing(LocalDateTime time) {
        if (time.getHour() == 2 && time.getMonth() == Month.MARCH && time.getDayOfWeek() == DayOfWeek.SUNDAY
                && time.getDayOfMonth() > 7 && time.getDayOfMonth() <= 14) {
            return time.plusHours(1);
        }
        return time;
    }

    static int index(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(FIRST_DAY, date);
    }

    private static boolean holiday(LocalDate date) {
        return (date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1)
                || (date.getMonth() == Month.JULY && date.getDayOfMonth() == 4)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 25)
                || (date.getMonth() == Month.NOVEMBER
                        && date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY))));
    }
}
