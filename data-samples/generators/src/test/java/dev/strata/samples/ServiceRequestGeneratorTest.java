package dev.strata.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceRequestGeneratorTest {

    private static final long SEED = 311;
    private static final int ROWS = 20_000;
    private static final DateTimeFormatter DTTM = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    @TempDir
    static Path dir;

    static GenerationReport report;
    static List<GeneratedRow> rows;

    @BeforeAll
    static void generateTheSampleOnce() throws Exception {
        report = new ServiceRequestGenerator(SEED).write(dir.resolve("sample"), ROWS, 2);
        rows = new ServiceRequestGenerator(SEED).rows(ROWS).toList();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        GenerationReport again = new ServiceRequestGenerator(SEED).write(dir.resolve("again"), ROWS, 2);
        GenerationReport other = new ServiceRequestGenerator(SEED + 1).write(dir.resolve("other"), ROWS, 2);
        for (int file = 0; file < 2; file++) {
            assertThat(Files.mismatch(report.files().get(file), again.files().get(file))).isEqualTo(-1L);
            assertThat(Files.mismatch(report.files().get(file), other.files().get(file))).isNotEqualTo(-1L);
        }
        assertThat(again).isEqualTo(new GenerationReport(again.files(), report.rows(), report.bytes(),
                report.defects(), report.quotedRows(), report.multilineRows()));
    }

    @Test
    void theRowsSplitEvenlyOverFilesEachWithTheHeader() throws Exception {
        assertThat(report.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("service_requests_part-00000.csv", "service_requests_part-00001.csv");
        long bytes = 0;
        for (Path file : report.files()) {
            byte[] content = Files.readAllBytes(file);
            bytes += content.length;
            List<String> records = records(new String(content, StandardCharsets.UTF_8));
            assertThat(records).hasSize(ROWS / 2 + 1);
            assertThat(records.get(0)).isEqualTo(ServiceRequestGenerator.HEADER);
            assertThat(fields(records.get(0))).hasSize(25).startsWith("OBJECTID", "Case Summary")
                    .endsWith("Police District", "Neighborhood");
        }
        assertThat(report.bytes()).isEqualTo(bytes);
        assertThat(report.rows()).isEqualTo(ROWS);

        GenerationReport three = new ServiceRequestGenerator(SEED).write(dir.resolve("three"), 10, 3);
        List<Integer> sizes = new ArrayList<>();
        for (Path file : three.files()) {
            sizes.add(records(Files.readString(file, StandardCharsets.ISO_8859_1)).size() - 1);
        }
        assertThat(sizes).containsExactly(3, 3, 4);
    }

    @Test
    void theFilesHoldExactlyTheStreamedRowsOneYearPerFile() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (GeneratedRow row : rows.subList(0, ROWS / 2)) {
            expected.writeBytes(row.csv());
            expected.write('\n');
        }
        byte[] first = Files.readAllBytes(report.files().get(0));
        byte[] header = (ServiceRequestGenerator.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(first, header.length, first.length)).isEqualTo(expected.toByteArray());
        assertThat(rows.subList(0, ROWS / 2)).allSatisfy(r -> assertThat(r.request().createdAt().getYear())
                .isEqualTo(2024));
        assertThat(rows.subList(ROWS / 2, ROWS)).allSatisfy(r -> assertThat(r.request().createdAt().getYear())
                .isEqualTo(2025));
    }

    @Test
    void deliveriesCutOneSequenceIntoConsecutiveFiles() throws Exception {
        Path deliveries = Files.createDirectories(dir.resolve("deliveries"));
        List<Path> files = List.of(deliveries.resolve("a.csv"), deliveries.resolve("b.csv"),
                deliveries.resolve("c.csv"));
        GenerationReport written = new ServiceRequestGenerator(SEED).writeDeliveries(files, ROWS,
                new long[] {1_000, 1_000, ROWS});
        byte[] header = (ServiceRequestGenerator.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertThat(Arrays.copyOfRange(content, 0, header.length)).isEqualTo(header);
            joined.write(content, header.length, content.length - header.length);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (GeneratedRow row : rows) {
            expected.writeBytes(row.csv());
            expected.write('\n');
        }
        assertThat(joined.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(records(Files.readString(files.get(1), StandardCharsets.ISO_8859_1))).hasSize(1);
        assertThat(written.rows()).isEqualTo(ROWS);
        assertThat(written.defects()).isEqualTo(report.defects());

        assertThatThrownBy(() -> new ServiceRequestGenerator(SEED).writeDeliveries(files, ROWS,
                new long[] {10, 5, ROWS})).hasMessageContaining("must not decrease, cannot be: 5 after 10");
        assertThatThrownBy(() -> new ServiceRequestGenerator(SEED).writeDeliveries(files, 20,
                new long[] {10, 20, 30})).hasMessageContaining("must end at 20 or before, cannot be: 30");

        // the first rows of a longer sequence: the same bytes as that sequence's first rows
        GenerationReport first = new ServiceRequestGenerator(SEED).writeDeliveries(files, ROWS,
                new long[] {100, 200, 300});
        assertThat(first.rows()).isEqualTo(300);
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            part.write(content, header.length, content.length - header.length);
        }
        ByteArrayOutputStream firstRows = new ByteArrayOutputStream();
        for (GeneratedRow row : rows.subList(0, 300)) {
            firstRows.writeBytes(row.csv());
            firstRows.write('\n');
        }
        assertThat(part.toByteArray()).isEqualTo(firstRows.toByteArray());
    }

    @Test
    void aboutOnePercentOfRowsAreDefectiveWithEveryKindPresent() {
        Map<Defect, Long> counts = new EnumMap<>(Defect.class);
        rows.forEach(r -> counts.merge(r.defect(), 1L, Long::sum));
        assertThat(counts).isEqualTo(report.defects());
        assertThat(report.defective()).isBetween(150L, 250L);
        for (Defect kind : Defect.kinds()) {
            assertThat(report.count(kind)).as(kind.name()).isPositive();
        }

        long defective = new ServiceRequestGenerator(7, 0.05).rows(ROWS).filter(r -> r.defect() != Defect.NONE)
                .count();
        assertThat(defective).isBetween(850L, 1150L);
        assertThat(new ServiceRequestGenerator(7, 0).rows(2_000).allMatch(r -> r.defect() == Defect.NONE)).isTrue();
        assertThatThrownBy(() -> new ServiceRequestGenerator(7, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goodRowsParseBackToTheirRequest() {
        Set<Long> keys = new HashSet<>();
        for (GeneratedRow row : rows) {
            if (row.defect() != Defect.NONE) {
                continue;
            }
            ServiceRequest r = row.request();
            assertThat(keys.add(r.caseId())).as("unique key %s", r.caseId()).isTrue();
            List<String> f = fields(row.text());
            assertThat(f).as(row.text()).hasSize(25);
            assertThat(f.get(0)).isEqualTo(Long.toString(r.caseId()));
            assertThat(f.get(1)).isEqualTo(r.caseSummary());
            assertThat(f.get(2)).isEqualTo(r.caseStatus()).isIn("Closed", "Open", "In Progress");
            assertThat(f.get(3)).isEqualTo(r.caseSource());
            assertThat(f.get(4)).isEqualTo(DATE.format(r.createdAt()));
            assertThat(LocalDateTime.parse(f.get(5), DTTM)).isEqualTo(r.createdAt());
            assertThat(r.createdAt()).isBetween(LocalDateTime.of(2024, 1, 1, 0, 0),
                    LocalDateTime.of(2025, 12, 31, 23, 59, 59));
            if (r.resolved()) {
                assertThat(LocalDateTime.parse(f.get(7), DTTM)).isEqualTo(r.closedAt()).isAfter(r.createdAt());
                assertThat(f.get(6)).isEqualTo(DATE.format(r.closedAt()));
            } else {
                assertThat(f.get(6)).isEmpty();
                assertThat(f.get(7)).isEmpty();
            }
            assertThat(f.get(8)).isEqualTo(r.firstCallResolution() ? "Yes" : "No");
            for (int zip : new int[] {9, 14}) {
                assertThat(f.get(zip)).matches("^(\\d{5})?$");
            }
            if (r.latitude() != null) {
                assertThat(Double.parseDouble(f.get(16))).isEqualTo(r.latitude()).isBetween(39.61, 39.91);
                assertThat(Double.parseDouble(f.get(15))).isEqualTo(r.longitude()).isBetween(-105.11, -104.60);
            }
            assertThat(f.get(17)).isEqualTo(r.agency());
            assertThat(f.get(20)).isEqualTo(r.type());
            if (r.neighborhood() != null) {
                assertThat(Integer.parseInt(f.get(22))).isEqualTo(r.councilDistrict()).isBetween(1, 11);
                assertThat(Integer.parseInt(f.get(23))).isEqualTo(r.policeDistrict()).isBetween(1, 7);
                assertThat(f.get(24)).isEqualTo(r.neighborhood());
            }
        }
        Map<String, Set<List<Integer>>> districts = new HashMap<>();
        rows.stream().filter(r -> r.defect() == Defect.NONE && r.request().neighborhood() != null)
                .forEach(r -> districts.computeIfAbsent(r.request().neighborhood(), n -> new HashSet<>())
                        .add(List.of(r.request().councilDistrict(), r.request().policeDistrict())));
        assertThat(districts).hasSizeGreaterThan(70).allSatisfy((name, pairs) -> assertThat(pairs).hasSize(1));
    }

    @Test
    void quotedCommasQuotesAndLineBreaksAreValidRows() {
        List<GeneratedRow> multiline = rows.stream().filter(r -> r.defect() == Defect.NONE && r.multiline())
                .toList();
        assertThat(multiline).hasSizeBetween(20, 200);
        assertThat(report.multilineRows()).isEqualTo(multiline.size());
        for (GeneratedRow row : multiline) {
            assertThat(row.request().caseSummary()).contains("\n");
            assertThat(fields(row.text())).hasSize(25).element(1).isEqualTo(row.request().caseSummary());
        }
        List<GeneratedRow> quotes = rows.stream()
                .filter(r -> r.defect() == Defect.NONE && r.request().caseSummary().contains("\"")).toList();
        assertThat(quotes).isNotEmpty();
        assertThat(quotes.get(0).text()).contains("\"\"");
        assertThat(rows.stream().filter(r -> r.defect() == Defect.NONE && r.quoted()).count())
                .isEqualTo(report.quotedRows()).isGreaterThan(1_000);
    }

    @Test
    void eachDefectLooksTheWayItsKindSays() {
        Map<Long, GeneratedRow> byIndex = new HashMap<>();
        rows.forEach(r -> byIndex.put(r.index(), r));
        for (GeneratedRow row : rows) {
            List<String> f = fields(new String(row.csv(), StandardCharsets.ISO_8859_1));
            switch (row.defect()) {
                case NONE -> assertThat(row.defectColumn()).isNull();
                case UNPARSEABLE_DATE -> assertThatThrownBy(() -> LocalDateTime.parse(f.get(5), DTTM))
                        .isInstanceOf(DateTimeParseException.class);
                case MISSING_KEY -> assertThat(f.get(0)).isBlank();
                case WRONG_TYPE -> assertThat(f).containsAnyOf("eleven", "3rd", "N/A", "unknown", "Maybe");
                case TOO_FEW_FIELDS -> assertThat(f).hasSizeBetween(22, 24);
                case TOO_MANY_FIELDS -> assertThat(f).hasSizeBetween(26, 27);
                case DUPLICATE_EXACT -> {
                    GeneratedRow original = byIndex.get(row.duplicateOf());
                    assertThat(original.defect()).isEqualTo(Defect.NONE);
                    assertThat(original.index()).isLessThan(row.index());
                    assertThat(row.csv()).isEqualTo(original.csv());
                }
                case DUPLICATE_CONFLICT -> {
                    ServiceRequest original = byIndex.get(row.duplicateOf()).request();
                    assertThat(byIndex.get(row.duplicateOf()).defect()).isEqualTo(Defect.NONE);
                    assertThat(row.request().caseId()).isEqualTo(original.caseId());
                    assertThat(row.request().createdAt()).isEqualTo(original.createdAt());
                    assertThat(row.request().caseStatus() + row.request().closedAt())
                            .isNotEqualTo(original.caseStatus() + original.closedAt());
                    assertThat(fields(row.text())).hasSize(25);
                }
                case INVALID_UTF8 -> assertThat(row.text()).contains("\uFFFD");
                case OUT_OF_RANGE -> {
                    Double value = row.defectColumn().equals("latitude") ? row.request().latitude()
                            : row.request().longitude();
                    assertThat(value).isNotNull();
                    assertThat(value < -105.3 || value > 40.0 || (value > -104.5 && value < 39.5)).isTrue();
                }
                case UNKNOWN_STATUS -> assertThat(f.get(2)).isNotIn("Closed", "Open", "In Progress");
                case CLOSED_BEFORE_CREATED ->
                        assertThat(row.request().closedAt()).isBefore(row.request().createdAt());
            }
            if (row.defect() != Defect.NONE && row.defect() != Defect.INVALID_UTF8) {
                assertThat(row.text()).doesNotContain("\uFFFD");
            }
        }
        // no good row is repeated twice
        Set<Long> duplicated = new HashSet<>();
        rows.stream().filter(r -> r.duplicateOf() >= 0).forEach(r -> assertThat(duplicated.add(r.duplicateOf()))
                .as("a row is repeated at most once").isTrue());
    }

    @Test
    void theRowsAreMadeLazily() {
        // a count far beyond memory is fine as long as only a few rows are taken
        assertThat(new ServiceRequestGenerator(SEED).rows(5_000_000_000L).limit(3).count()).isEqualTo(3);
        assertThat(new ServiceRequestGenerator(SEED).rows(300_000).skip(299_990).count()).isEqualTo(10);
    }

    @Test
    void theCommittedSampleIsWhatTheGeneratorMakes() throws Exception {
        Path sample = CsvText.repositoryRoot().resolve("data-samples/service_requests");
        assumeThat(sample.resolve("service_requests_part-00000.csv")).exists();
        for (Path file : report.files()) {
            assertThat(Files.mismatch(file, sample.resolve(file.getFileName()))).as(file.getFileName().toString())
                    .isEqualTo(-1L);
        }
    }

    /** Splits CSV text into records (RFC 4180: a line break inside quotes belongs to the field). */
    static List<String> records(String text) {
        List<String> result = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                result.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            result.add(text.substring(start));
        }
        return result;
    }

    /** Splits one CSV record into its fields, unquoting and undoubling quotes. */
    static List<String> fields(String record) {
        return CsvText.fields(record);
    }
}
