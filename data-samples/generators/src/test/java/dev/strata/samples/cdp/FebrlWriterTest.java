package dev.strata.samples.cdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FebrlWriterTest {

    private static final long SEED = 5;
    private static final int ENTITIES = 2_000;
    private static final int DUPLICATES_MAX = 5;
    /** FEBRL's header, written out here independently. */
    private static final String HEADER = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, "
            + "postcode, state, date_of_birth, soc_sec_id";
    private static final Pattern REC_ID = Pattern.compile("rec-(\\d+)-(org|dup-(\\d+))");
    private static final Set<String> STATES = Set.of("nsw", "vic", "qld", "sa", "wa", "tas", "act", "nt");

    @TempDir
    static Path dir;

    static Path dedup;
    static FebrlSummary dedupSummary;
    static List<List<String>> dedupRecords;
    static Path linkageA;
    static Path linkageB;
    static FebrlSummary linkageSummary;

    @BeforeAll
    static void writeOnce() throws IOException {
        dedup = dir.resolve("dedup/febrl_dedup.csv");
        dedupSummary = new FebrlWriter(SEED).writeDedup(dedup, ENTITIES, DUPLICATES_MAX);
        dedupRecords = read(dedup);
        linkageA = dir.resolve("linkage/a.csv");
        linkageB = dir.resolve("linkage/b.csv");
        linkageSummary = new FebrlWriter(SEED).writeLinkage(linkageA, linkageB, ENTITIES);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        Path again = dir.resolve("again/dedup.csv");
        Path spilled = dir.resolve("spilled/dedup.csv");
        Path other = dir.resolve("other/dedup.csv");
        assertThat(new FebrlWriter(SEED).writeDedup(again, ENTITIES, DUPLICATES_MAX)).isEqualTo(dedupSummary);
        assertThat(new FebrlWriter(SEED, NameTables.load(), 333).writeDedup(spilled, ENTITIES, DUPLICATES_MAX))
                .isEqualTo(dedupSummary);
        new FebrlWriter(SEED + 1).writeDedup(other, ENTITIES, DUPLICATES_MAX);
        assertThat(Files.mismatch(dedup, again)).isEqualTo(-1L);
        assertThat(Files.mismatch(dedup, spilled)).isEqualTo(-1L);
        assertThat(Files.mismatch(dedup, other)).isNotEqualTo(-1L);
        try (Stream<Path> left = Files.list(spilled.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("dedup.csv");
        }

        Path a = dir.resolve("again/a.csv");
        Path b = dir.resolve("again/b.csv");
        new FebrlWriter(SEED).writeLinkage(a, b, ENTITIES);
        assertThat(Files.mismatch(linkageA, a)).isEqualTo(-1L);
        assertThat(Files.mismatch(linkageB, b)).isEqualTo(-1L);
        Path otherA = dir.resolve("other/a.csv");
        Path otherB = dir.resolve("other/b.csv");
        new FebrlWriter(SEED + 1).writeLinkage(otherA, otherB, ENTITIES);
        assertThat(Files.mismatch(linkageA, otherA)).isNotEqualTo(-1L);
        assertThat(Files.mismatch(linkageB, otherB)).isNotEqualTo(-1L);
    }

    @Test
    void everyLineHasTheHeaderAndElevenCommaSpaceFields() throws Exception {
        for (Path file : List.of(dedup, linkageA, linkageB)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).startsWith(HEADER + "\n").endsWith("\n").doesNotContain("\r");
            assertThat(FebrlWriter.HEADER).isEqualTo(HEADER);
            List<String> lines = text.lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(", ", -1);
                assertThat(fields).as(line).hasSize(11);
                for (String field : fields) {
                    assertThat(field).as(line).doesNotContain(",").isEqualTo(field.strip());
                }
                assertThat(fields[0]).as(line).matches(REC_ID);
            }
        }
        assertThat(dedupRecords).hasSize((int) dedupSummary.records());
    }

    @Test
    void recIdsFollowThePatternAndEachDuplicatesEntityHasAnOriginal() {
        TreeMap<Integer, List<String>> originals = new TreeMap<>();
        Map<Integer, List<Integer>> duplicates = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (List<String> record : dedupRecords) {
            assertThat(ids.add(record.get(0))).as(record.get(0)).isTrue();
            Matcher id = REC_ID.matcher(record.get(0));
            assertThat(id.matches()).isTrue();
            int entity = Integer.parseInt(id.group(1));
            if (id.group(2).equals("org")) {
                originals.put(entity, record);
            } else {
                duplicates.computeIfAbsent(entity, k -> new ArrayList<>()).add(Integer.parseInt(id.group(3)));
            }
        }
        assertThat(originals.keySet()).hasSize(ENTITIES).first().isEqualTo(0);
        assertThat(originals.lastKey()).isEqualTo(ENTITIES - 1);
        assertThat(originals.keySet()).containsAll(duplicates.keySet());
        for (Map.Entry<Integer, List<Integer>> copies : duplicates.entrySet()) {
            List<Integer> numbers = copies.getValue().stream().sorted().toList();
            assertThat(numbers).as("rec-" + copies.getKey()).hasSizeBetween(1, DUPLICATES_MAX)
                    .isEqualTo(IntStream.range(0, numbers.size()).boxed().toList());
        }
        long duplicateRecords = duplicates.values().stream().mapToLong(List::size).sum();
        assertThat(dedupSummary).isEqualTo(new FebrlSummary(ENTITIES, duplicateRecords));
        assertThat(duplicates.size() / (double) ENTITIES).as("entities with duplicates").isBetween(0.45, 0.55);
        Map<Integer, Long> bySize = new TreeMap<>();
        duplicates.values().forEach(d -> bySize.merge(d.size(), 1L, Long::sum));
        assertThat(bySize.get(1)).isGreaterThan(bySize.get(2));
        assertThat(bySize.get(2)).isGreaterThan(bySize.get(5));
        assertThat(bySize.keySet()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void duplicatesDifferFromTheirOriginalInAFewFields() {
        Map<String, List<String>> originals = new HashMap<>();
        for (List<String> record : dedupRecords) {
            if (record.get(0).endsWith("-org")) {
                originals.put(record.get(0).substring(0, record.get(0).length() - 4), record);
            }
        }
        long changedFields = 0;
        long duplicates = 0;
        for (List<String> record : dedupRecords) {
            if (record.get(0).endsWith("-org")) {
                continue;
            }
            duplicates++;
            List<String> original = originals.get(record.get(0).replaceFirst("-dup-\\d+$", ""));
            int differing = 0;
            for (int i = 1; i < 11; i++) {
                differing += record.get(i).equals(original.get(i)) ? 0 : 1;
            }
            assertThat(differing).as(record.get(0)).isBetween(1, 6);
            changedFields += differing;
        }
        assertThat(changedFields / (double) duplicates).as("fields changed per duplicate").isBetween(1.5, 2.2);
    }

    @Test
    void originalsHaveFebrlShapedValues() {
        Set<String> socialSecurityIds = new HashSet<>();
        long blanks = 0;
        for (List<String> record : dedupRecords) {
            if (!record.get(0).endsWith("-org")) {
                continue;
            }
            assertThat(record.get(1)).matches("[a-z' -]*");
            assertThat(record.get(2)).matches("[a-z' -]*");
            assertThat(record.get(3)).matches("\\d{0,3}");
            assertThat(record.get(4)).matches("[a-z' -]*");
            assertThat(record.get(7)).matches("\\d{4}|");
            assertThat(record.get(8)).isIn(Stream.concat(STATES.stream(), Stream.of("")).toList());
            if (!record.get(9).isEmpty()) {
                assertThat(record.get(9)).matches("\\d{8}");
                LocalDate born = LocalDate.parse(record.get(9), DateTimeFormatter.BASIC_ISO_DATE);
                assertThat(born).isBetween(LocalDate.of(1920, 1, 1), LocalDate.of(2005, 12, 31));
            }
            String ssid = record.get(10);
            if (!ssid.isEmpty()) {
                assertThat(ssid).matches("\\d{7}");
                assertThat(socialSecurityIds.add(ssid)).as(ssid).isTrue();
            }
            blanks += record.stream().filter(String::isEmpty).count();
        }
        assertThat(socialSecurityIds).hasSizeGreaterThan(ENTITIES * 99 / 100);
        assertThat(blanks).isPositive();
    }

    @Test
    void linkageFilesPairUpOriginalsWithOneDuplicateEach() throws Exception {
        List<List<String>> a = read(linkageA);
        List<List<String>> b = read(linkageB);
        assertThat(linkageSummary).isEqualTo(new FebrlSummary(ENTITIES, ENTITIES));
        assertThat(a).hasSize(ENTITIES).allMatch(r -> r.get(0).matches("rec-\\d+-org"));
        assertThat(b).hasSize(ENTITIES).allMatch(r -> r.get(0).matches("rec-\\d+-dup-0"));
        Set<String> entitiesA = new HashSet<>();
        a.forEach(r -> entitiesA.add(r.get(0).replace("-org", "")));
        Set<String> entitiesB = new HashSet<>();
        b.forEach(r -> entitiesB.add(r.get(0).replace("-dup-0", "")));
        assertThat(entitiesA).hasSize(ENTITIES).isEqualTo(entitiesB);
        // the originals of the linkage files are those of the deduplication file, and so is every dup-0
        Set<String> dedupLines = new HashSet<>();
        dedupRecords.forEach(r -> dedupLines.add(String.join(", ", r)));
        long sharedDuplicates = b.stream().filter(r -> dedupLines.contains(String.join(", ", r))).count();
        assertThat(a).allMatch(r -> dedupLines.contains(String.join(", ", r)));
        assertThat(sharedDuplicates).isPositive();
        // each file is in its own random order, neither by entity nor in the same order as the other
        List<String> orderA = a.stream().limit(50).map(r -> r.get(0).replace("-org", "")).toList();
        List<String> orderB = b.stream().limit(50).map(r -> r.get(0).replace("-dup-0", "")).toList();
        assertThat(orderA).isNotEqualTo(orderB);
        assertThat(orderA).isNotEqualTo(orderA.stream().sorted((x, y) -> Integer.compare(
                Integer.parseInt(x.substring(4)), Integer.parseInt(y.substring(4)))).toList());
    }

    @Test
    void argumentsAreCheckedAndMainWritesTheSameFiles() throws Exception {
        FebrlWriter writer = new FebrlWriter(SEED);
        assertThatThrownBy(() -> writer.writeDedup(dir.resolve("x.csv"), -1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entities must be within 0..9000000, cannot be: -1");
        assertThatThrownBy(() -> writer.writeDedup(dir.resolve("x.csv"), 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicates per entity must be within 0..9, cannot be: 10");
        assertThatThrownBy(() -> writer.writeLinkage(dir.resolve("same.csv"), dir.resolve("same.csv"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("file A and file B must differ");

        FebrlSummary none = writer.writeDedup(dir.resolve("none/dedup.csv"), 100, 0);
        assertThat(none).isEqualTo(new FebrlSummary(100, 0));
        FebrlSummary empty = writer.writeDedup(dir.resolve("empty/dedup.csv"), 0, 3);
        assertThat(empty.records()).isZero();
        assertThat(Files.readString(dir.resolve("empty/dedup.csv"))).isEqualTo(HEADER + "\n");

        Path out = dir.resolve("main");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CustomerGenerator.main(new String[] {"--febrl", "dedup", "--entities", Integer.toString(ENTITIES), "--seed",
                Long.toString(SEED), "--out", out.toString()});
            CustomerGenerator.main(new String[] {"--febrl", "linkage", "--entities", Integer.toString(ENTITIES),
                "--seed", Long.toString(SEED), "--out", out.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(Files.mismatch(out.resolve("febrl_dedup.csv"), dedup)).isEqualTo(-1L);
        assertThat(Files.mismatch(out.resolve("febrl_linkage_a.csv"), linkageA)).isEqualTo(-1L);
        assertThat(Files.mismatch(out.resolve("febrl_linkage_b.csv"), linkageB)).isEqualTo(-1L);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FEBRL records");
    }

    /** The records of a FEBRL file after its header, each split at ", ". */
    private static List<List<String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        List<List<String>> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            records.add(Arrays.asList(line.split(", ", -1)));
        }
        return records;
    }
}
