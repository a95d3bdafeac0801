package dev.strata.samples.mimic;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the records of one table the way the MIMIC-III v1.4 files are written: comma-separated, one
 * record a line ({@code \n}); text fields always in double quotes with inner quotes doubled (so a text
 * may hold commas and line breaks); numbers and timestamps bare ({@code 2101-10-20 19:08:00}); a null
 * is an empty field. Values are encoded straight into a buffer (UTF-8), without building strings, so
 * writing keeps up with millions of records a minute.
 *
 * <p>Call the value methods in column order, then {@link #end()}; the writer counts the records, so the
 * next {@code ROW_ID} is {@link #nextRowId()}.
 */
final class TableWriter implements Closeable {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int position;
    private boolean firstField = true;
    private long records;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    TableWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out is null");
    }

    /** Writes the header line, e.g. {@link MimicTable#header(boolean)}, and its line end. */
    void header(String line) throws IOException {
        ascii(line);
        put((byte) '\n');
    }

    /** Records written so far, the header not counted. */
    long records() {
        return records;
    }

    /** The ROW_ID of the record about to be written: records are numbered from 1. */
    long nextRowId() {
        return records + 1;
    }

    TableWriter integer(long value) throws IOException {
        separator();
        number(value);
        return this;
    }

    /** A whole number, or null when {@code value} is 0 or less (ids, which MIMIC starts at 1). */
    TableWriter id(long value) throws IOException {
        return value > 0 ? integer(value) : empty();
    }

    TableWriter empty() throws IOException {
        separator();
        return this;
    }

    /** A text field in double quotes, or null when {@code value} is null. */
    TableWriter text(String value) throws IOException {
        separator();
        if (value == null) {
            return this;
        }
        put((byte) '"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    put((byte) '"');
                }
                put((byte) c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    put(b);
                }
            }
        }
        put((byte) '"');
        return this;
    }

    /** A text field holding a number, e.g. a VALUE of {@code "7.4"}. */
    TableWriter textDecimal(double value, int decimals) throws IOException {
        separator();
        put((byte) '"');
        decimalDigits(value, decimals);
        put((byte) '"');
        return this;
    }

    /** A number rounded half up to {@code decimals} places (0 to 6), written with exactly that many. */
    TableWriter decimal(double value, int decimals) throws IOException {
        separator();
        decimalDigits(value, decimals);
        return this;
    }

    /**
     * The exact quotient {@code numerator / denominator} (both at least 0, the denominator above 0) rounded
     * half up to {@code decimals} places, e.g. minutes as days for a length of stay.
     */
    TableWriter quotient(long numerator, long denominator, int decimals) throws IOException {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("quotient needs numerator >= 0 and denominator > 0, cannot be: "
                    + numerator + " / " + denominator);
        }
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be within 0..6, cannot be: " + decimals);
        }
        separator();
        long scaled = Math.addExact(Math.multiplyExact(numerator, POWERS[decimals] * 2), denominator)
                / (2 * denominator);
        number(scaled / POWERS[decimals]);
        if (decimals > 0) {
            put((byte) '.');
            long fraction = scaled % POWERS[decimals];
            for (long power = POWERS[decimals - 1]; power > 0; power /= 10) {
                put((byte) ('0' + fraction / power % 10));
            }
        }
        return this;
    }

    /** A timestamp {@code yyyy-MM-dd HH:mm:00}, or null for {@link Minutes#NONE}. */
    TableWriter time(long minutes) throws IOException {
        separator();
        if (minutes == Minutes.NONE) {
            return this;
        }
        long day = Math.floorDiv(minutes, Minutes.DAY);
        if (day != cachedDay) {
            int civil = Minutes.civil(day);
            int year = civil / 10_000;
            int month = civil / 100 % 100;
            int dayOfMonth = civil % 100;
            cachedDate[0] = (byte) ('0' + year / 1000);
            cachedDate[1] = (byte) ('0' + year / 100 % 10);
            cachedDate[2] = (byte) ('0' + year / 10 % 10);
            cachedDate[3] = (byte) ('0' + year % 10);
            cachedDate[4] = '-';
            cachedDate[5] = (byte) ('0' + month / 10);
            cachedDate[6] = (byte) ('0' + month % 10);
            cachedDate[7] = '-';
            cachedDate[8] = (byte) ('0' + dayOfMonth / 10);
            cachedDate[9] = (byte) ('0' + dayOfMonth % 10);
            cachedDay = day;
        }
        if (position + 19 > buffer.length) {
            flushBuffer();
        }
        System.arraycopy(cachedDate, 0, buffer, position, 10);
        int minuteOfDay = (int) (minutes - day * Minutes.DAY);
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        buffer[position + 10] = ' ';
        buffer[position + 11] = (byte) ('0' + hour / 10);
        buffer[position + 12] = (byte) ('0' + hour % 10);
        buffer[position + 13] = ':';
        buffer[position + 14] = (byte) ('0' + minute / 10);
        buffer[position + 15] = (byte) ('0' + minute % 10);
        buffer[position + 16] = ':';
        buffer[position + 17] = '0';
        buffer[position + 18] = '0';
        position += 19;
        return this;
    }

    /** The midnight of the day holding {@code minutes} ({@code yyyy-MM-dd 00:00:00}), or null for NONE. */
    TableWriter date(long minutes) throws IOException {
        return time(minutes == Minutes.NONE ? Minutes.NONE : Minutes.startOfDay(minutes));
    }

    /** Ends the record. */
    void end() throws IOException {
        put((byte) '\n');
        firstField = true;
        records++;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }

    private void separator() throws IOException {
        if (firstField) {
            firstField = false;
        } else {
            put((byte) ',');
        }
    }

    private void decimalDigits(double value, int decimals) throws IOException {
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be within 0..6, cannot be: " + decimals);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, cannot be: " + value);
        }
        long scaled = Math.round(value * POWERS[decimals]);
        if (scaled < 0) {
            put((byte) '-');
            scaled = -scaled;
        }
        number(scaled / POWERS[decimals]);
        if (decimals > 0) {
            put((byte) '.');
            long fraction = scaled % POWERS[decimals];
            for (long power = POWERS[decimals - 1]; power > 0; power /= 10) {
                put((byte) ('0' + fraction / power % 10));
            }
        }
    }

    private void number(long value) throws IOException {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            put((byte) '-');
            value = -value;
        }
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (count > 0) {
            put(digits[--count]);
        }
    }

    private void ascii(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            put((byte) value.charAt(i));
        }
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) {
            flushBuffer();
        }
        buffer[position++] = b;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }
}
