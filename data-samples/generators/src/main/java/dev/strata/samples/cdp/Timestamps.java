package dev.strata.samples.cdp;

import java.time.LocalDate;

/** ISO-8601 text for epoch seconds in UTC ({@code 2023-04-05T09:07:03Z}) and for dates ({@code 1984-07-21}). */
final class Timestamps {

    private Timestamps() {
    }

    static String iso(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) (epochSecond - day * 86_400L);
        StringBuilder text = new StringBuilder(20);
        date(text, LocalDate.ofEpochDay(day));
        text.append('T');
        two(text, second / 3600);
        text.append(':');
        two(text, second / 60 % 60);
        text.append(':');
        two(text, second % 60);
        return text.append('Z').toString();
    }

    static String date(LocalDate date) {
        return date(new StringBuilder(10), date).toString();
    }

    private static StringBuilder date(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must be within 1000..9999, cannot be: " + year);
        }
        text.append(year).append('-');
        two(text, date.getMonthValue());
        text.append('-');
        two(text, date.getDayOfMonth());
        return text;
    }

    private static void two(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
