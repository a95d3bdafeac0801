package dev.strata.samples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Encodes one record of a generated file as bytes, with {@link CsvRecord}'s quoting (spaces at a field's edges left bare, as the exports do), and characters that stand
 * for bytes that are not UTF-8 (broken lines on purpose) written as those bytes; used by the 311 requests, the
 * telemetry feed and the parking citations. Dates are written the way Denver's 311 export does
 * ({@code 12/6/2023} and {@code 12/6/2023 10:40:02 AM}).
 */
public final class CsvLine {

    static final List<String> HEADER = List.of("OBJECTID", "Case Summary", "Case Status", "Case Source",
            "Case Created Date", "Case Created dttm", "Case Closed Date", "Case Closed dttm", "First Call Resolution",
            "Customer Zip Code", "Incident Address 1", "Incident Address 2", "Incident Intersection 1",
            "Incident Intersection 2", "Incident Zip Code", "Longitude", "Latitude", "Agency", "Division",
            "Major Area", "Type", "Topic", "Council District", "Police District", "Neighborhood");
    static final int WIDTH = HEADER.size();

    /** Stands in a field value for the single byte 0xFF, which is never valid UTF-8. */
    static final char INVALID_FF = '\uE000';
    /** Stands in a field value for the byte 0xC3, a UTF-8 lead byte; followed by '(' it is invalid. */
    static final char INVALID_C3 = '\uE001';

    /** The encoded record and what it holds. */
    public record Encoded(byte[] bytes, boolean quoted, boolean multiline) {

        public Encoded {
            Objects.requireNonNull(bytes, "bytes is null");
        }
    }

    private CsvLine() {
    }

    /**
     * Encodes {@code fields} (null is an empty field). The field at {@code verbatim} (or none, with -1) is
     * written as it is, never quoted, even if it holds a comma.
     */
    public static Encoded encode(String[] fields, int verbatim) {
        CsvRecord record = new CsvRecord(false);
        boolean invalid = false;
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i];
            if (i == verbatim) {
                record.verbatim(value);
            } else {
                record.field(value);
            }
            invalid |= value != null && (value.indexOf(INVALID_FF) >= 0 || value.indexOf(INVALID_C3) >= 0);
        }
        String text = record.text();
        return new Encoded(invalid ? withInvalidBytes(text) : text.getBytes(StandardCharsets.UTF_8), record.quoted(),
                record.multiline());
    }

    static byte[] header() {
        return String.join(",", HEADER).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code M/d/yyyy}. */
    static String date(LocalDate date) {
        return date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
    }

    /** {@code M/d/yyyy h:mm:ss a} in English. */
    static String dateTime(LocalDateTime time) {
        int hour = time.getHour();
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        StringBuilder text = new StringBuilder(24).append(date(time.toLocalDate())).append(' ').append(twelve)
                .append(':');
        twoDigits(text, time.getMinute()).append(':');
        twoDigits(text, time.getSecond()).append(hour < 12 ? " AM" : " PM");
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static byte[] withInvalidBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == INVALID_FF || c == INVALID_C3) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c == INVALID_FF ? 0xFF : 0xC3);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
