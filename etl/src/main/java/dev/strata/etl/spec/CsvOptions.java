package dev.strata.etl.spec;

import java.nio.charset.Charset;
import java.util.Objects;

/** How a CSV source is written. */
public record CsvOptions(boolean header, char delimiter, char quote, char escape, boolean multiline,
        Charset encoding) {

    /** The quote character of a source read without quoting. */
    public static final char NO_QUOTE = '\0';

    public CsvOptions {
        Objects.requireNonNull(encoding, "encoding is null");
    }

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', '"', '"', true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
