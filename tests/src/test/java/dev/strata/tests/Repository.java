package dev.strata.tests;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the repository's files are, for tests that use the committed samples. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("strata.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("data-samples"))) {
            throw new IllegalStateException("cannot find the repository root (data-samples/) from " + root);
        }
        return root;
    }

    static Path serviceRequestSample() {
        return root().resolve("data-samples/service_requests");
    }

    static Path customerSample() {
        return root().resolve("data-samples/cdp");
    }

    /**
     * The records of a sample CSV file (RFC 4180, a header line), each as column name to value: quoting on,
     * nothing trimmed, an empty field as null.
     */
    static List<Map<String, String>> csvRecords(Path file) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.getFormat().setLineSeparator("\n");
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setMaxCharsPerColumn(-1);
        settings.setHeaderExtractionEnabled(true);
        CsvParser parser = new CsvParser(settings);
        List<Map<String, String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            String[] header = parser.getContext().headers();
            String[] fields;
            while ((fields = parser.parseNext()) != null) {
                if (header == null) {
                    header = parser.getContext().headers();
                }
                if (fields.length != header.length) {
                    throw new IllegalStateException(file + " line " + parser.getContext().currentLine() + ": "
                            + fields.length + " fields, the header has " + header.length);
                }
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i], fields[i]);
                }
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parser.stopParsing();
        }
        return records;
    }
}
