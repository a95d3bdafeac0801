package dev.strata.samples.cdp;

import dev.strata.samples.CsvText.Table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.samples.CsvText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates 5,000 people once, then reads the four files back and explains every value of every record
 * from the true person (regenerated with {@link Population}): the clean value, or one of the documented
 * kinds of noise. The rates are measured from the files, not taken from the generator's tally, and must
 * fall within the bounds that {@code data-samples/cdp/README.md} documents.
 */
class CustomerGeneratorTest {

    private static final long SEED = 11;
    private static final int PEOPLE = 5_000;

    /** The headers, written out here independently of the generator. */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("crm.csv", "crm_id,first_name,last_name,email,phone,street,city,state,postcode,date_of_birth,"
                + "created_at,updated_at,person_id");
        HEADERS.put("web.csv", "web_user_id,email,first_name,last_name,phone,device_id,signup_at,last_seen_at,"
                + "person_id");
        HEADERS.put("transactions.csv", "order_id,customer_ref,email,first_name,last_name,billing_street,billing_city,"
                + "billing_state,billing_postcode,order_at,amount,channel,person_id");
        HEADERS.put("loyalty.csv", "loyalty_id,first_name,last_name,email,phone,street,city,state,postcode,"
                + "date_of_birth,joined_at,tier,person_id");
    }

    /** Where each file keeps the identifying values; null where it has none. {@code time} dates the address. */
    private record Layout(String file, String phone, String street, String city, String state, String postcode,
            String dateOfBirth, String time, String created) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("crm.csv", "phone", "street", "city", "state", "postcode", "date_of_birth", "updated_at",
                    "created_at"),
            new Layout("web.csv", "phone", null, null, null, null, null, "signup_at", "signup_at"),
            new Layout("transactions.csv", null, "billing_street", "billing_city", "billing_state", "billing_postcode",
                    null, "order_at", "order_at"),
            new Layout("loyalty.csv", "phone", "street", "city", "state", "postcode", "date_of_birth", "joined_at",
                    "joined_at"));

    private static final List<Pattern> PHONE_FORMATS = List.of(Pattern.compile("\\(\\d{3}\\) \\d{3}-\\d{4}"),
            Pattern.compile("\\d{3}-\\d{3}-\\d{4}"), Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{4}"),
            Pattern.compile("\\+1 \\d{3} \\d{3} \\d{4}"), Pattern.compile("\\d{10}"),
            Pattern.compile("1-\\d{3}-\\d{3}-\\d{4}"));
    private static final Pattern TIMESTAMP = Pattern.compile("202[2-5]-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    private enum NameKind { CLEAN, NICKNAME, TYPO, OTHER }

    @TempDir
    static Path dir;

    static Path base;
    static CdpSummary summary;
    static NameTables names;
    static Map<String, Table> files;
    static Map<String, Person> truth;
    /** Counters of what the files show, e.g. {@code first.nickname}. */
    static Map<String, Long> seen;
    /** Values no documented kind of noise explains, with where they are; must stay empty. */
    static List<String> unexplained;
    static Map<String, Set<String>> personsByEmail;
    static Map<String, Set<String>> personsByPhone;
    static Map<String, Set<String>> personsByDevice;
    static Map<String, Set<String>> personsByCard;
    static Map<String, Set<String>> personsByJunk;
    static Set<String> nicknamesSeen;

    @BeforeAll
    static void generateOnceAndExplainEveryValue() throws IOException {
        base = dir.resolve("base");
        summary = new CustomerGenerator(SEED).write(base, PEOPLE);
        names = NameTables.load();
        files = new LinkedHashMap<>();
        for (String file : HEADERS.keySet()) {
            files.put(file, Table.read(base.resolve(file)));
        }
        truth = new LinkedHashMap<>();
        Population population = new Population(SEED, names, PEOPLE);
        while (population.hasNext()) {
            Person person = population.next();
            truth.put(person.id(), person);
        }
        seen = new TreeMap<>();
        unexplained = new ArrayList<>();
        personsByEmail = new HashMap<>();
        personsByPhone = new HashMap<>();
        personsByDevice = new HashMap<>();
        personsByCard = new HashMap<>();
        personsByJunk = new HashMap<>();
        nicknamesSeen = new HashSet<>();
        for (Layout layout : LAYOUTS) {
            Table table = files.get(layout.file());
            for (List<String> row : table.rows()) {
                explain(layout, table, row);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        Path again = dir.resolve("again");
        Path spilled = dir.resolve("spilled");
        Path other = dir.resolve("other");
        assertThat(new CustomerGenerator(SEED).write(again, PEOPLE)).isEqualTo(summary);
        // runs of 997 records force the sort to spill to disk and merge; the bytes must not change
        assertThat(new CustomerGenerator(SEED, NameTables.load(), 997).write(spilled, PEOPLE)).isEqualTo(summary);
        new CustomerGenerator(SEED + 1).write(other, PEOPLE);
        for (String file : HEADERS.keySet()) {
            assertThat(Files.mismatch(base.resolve(file), again.resolve(file))).as(file).isEqualTo(-1L);
            assertThat(Files.mismatch(base.resolve(file), spilled.resolve(file))).as(file).isEqualTo(-1L);
            assertThat(Files.mismatch(base.resolve(file), other.resolve(file))).as(file).isNotEqualTo(-1L);
        }
        try (Stream<Path> left = Files.list(spilled)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("crm.csv", "loyalty.csv", "transactions.csv", "web.csv");
        }
    }

    @Test
    void theFirstPeopleOfALargerRunAreThoseOfASmallerRun() throws Exception {
        Path small = dir.resolve("small");
        new CustomerGenerator(SEED).write(small, 1_000);
        for (String file : HEADERS.keySet()) {
            Table table = files.get(file);
            int person = table.column("person_id");
            List<String> fromLarge = new ArrayList<>();
            for (List<String> row : table.rows()) {
                if (Integer.parseInt(row.get(person).substring(1)) <= 1_000) {
                    fromLarge.add(String.join("\u0001", row.subList(1, row.size())));
                }
            }
            List<String> fromSmall = new ArrayList<>();
            for (List<String> row : Table.read(small.resolve(file)).rows()) {
                fromSmall.add(String.join("\u0001", row.subList(1, row.size())));
            }
            assertThat(fromLarge).as(file).isNotEmpty();
            assertThat(fromLarge.stream().sorted().toList()).as(file)
                    .isEqualTo(fromSmall.stream().sorted().toList());
        }
    }

    @Test
    void everyFileHasItsHeaderAndTheReportedNumberOfWellFormedRecords() throws Exception {
        try (Stream<Path> written = Files.list(base)) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("crm.csv", "loyalty.csv", "transactions.csv", "web.csv");
        }
        assertThat(summary.people()).isEqualTo(PEOPLE);
        assertThat(summary.rows().keySet()).containsExactly("crm.csv", "web.csv", "transactions.csv", "loyalty.csv");
        for (Map.Entry<String, String> header : HEADERS.entrySet()) {
            String raw = Files.readString(base.resolve(header.getKey()), StandardCharsets.UTF_8);
            assertThat(raw).as(header.getKey()).startsWith(header.getValue() + "\n").endsWith("\n")
                    .doesNotContain("\r");
            Table table = files.get(header.getKey());
            assertThat(table.header()).isEqualTo(List.of(header.getValue().split(",")));
            assertThat((long) table.rows().size()).as(header.getKey()).isEqualTo(summary.rows(header.getKey()));
            for (List<String> row : table.rows()) {
                assertThat(row).as(header.getKey()).hasSize(table.header().size());
            }
        }
        assertThat(summary.totalRows()).isEqualTo(files.values().stream().mapToLong(t -> t.rows().size()).sum());
        assertThat(summary.toString()).startsWith("people ").contains("\ncrm.csv ").contains("\nnickname ");
    }

    @Test
    void everyRecordCarriesAPersonIdAndEachPersonHasTheRecordsTheirPresenceSays() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Map.Entry<String, Table> file : files.entrySet()) {
            Table table = file.getValue();
            for (List<String> row : table.rows()) {
                String id = table.get(row, "person_id");
                assertThat(id).matches("P\\d{6}");
                assertThat(truth).containsKey(id);
                counts.computeIfAbsent(id, k -> new HashMap<>()).merge(file.getKey(), 1, Integer::sum);
            }
        }
        for (Person person : truth.values()) {
            Map<String, Integer> mine = counts.getOrDefault(person.id(), Map.of());
            Presence presence = person.presence();
            assertThat(mine.getOrDefault("crm.csv", 0)).as(person.id()).isEqualTo(presence.crmRecords());
            assertThat(mine.getOrDefault("web.csv", 0)).as(person.id()).isEqualTo(presence.webAccounts());
            assertThat(mine.getOrDefault("transactions.csv", 0)).as(person.id()).isEqualTo(presence.orders());
            assertThat(mine.getOrDefault("loyalty.csv", 0)).as(person.id()).isEqualTo(presence.loyaltyRecords());
        }
        long total = summary.totalRows();
        assertThat(total / (double) PEOPLE).as("records per person").isBetween(2.85, 3.2);
        SoftAssertions soft = new SoftAssertions();
        rate(soft, "people in crm", truth.values().stream().filter(p -> p.presence().crmRecords() > 0).count(),
                PEOPLE, 0.70, 0.025);
        rate(soft, "people in web", truth.values().stream().filter(p -> p.presence().webAccounts() > 0).count(),
                PEOPLE, 0.60, 0.025);
        rate(soft, "buyers", truth.values().stream().filter(p -> p.presence().orders() > 0).count(), PEOPLE, 0.85,
                0.02);
        rate(soft, "people in loyalty", truth.values().stream().filter(p -> p.presence().loyaltyRecords() > 0)
                .count(), PEOPLE, 0.35, 0.025);
        long buyers = truth.values().stream().filter(p -> p.presence().orders() > 0).count();
        soft.assertThat(files.get("transactions.csv").rows().size() / (double) buyers).as("orders per buyer")
                .isBetween(1.4, 1.6);
        soft.assertAll();
    }

    @Test
    void idsAreUniqueAndNumberedInTheOrderOfCreation() {
        for (Layout layout : LAYOUTS) {
            Table table = files.get(layout.file());
            Set<String> ids = new HashSet<>();
            String previous = "";
            for (int i = 0; i < table.rows().size(); i++) {
                List<String> row = table.rows().get(i);
                String id = row.get(0);
                assertThat(ids.add(id)).as(layout.file() + " " + id).isTrue();
                switch (layout.file()) {
                    case "crm.csv" -> assertThat(id).isEqualTo("C" + (1_000_001 + i));
                    case "web.csv" -> assertThat(id).matches("[0-9a-f]{16}");
                    case "transactions.csv" -> assertThat(id).isEqualTo(String.format(Locale.ROOT, "ORD-%08d", i + 1));
                    default -> assertThat(id).isEqualTo(String.format(Locale.ROOT, "LY%08d", i + 1));
                }
                String created = table.get(row, layout.created());
                assertThat(created).matches(TIMESTAMP);
                assertThat(created).as(layout.file() + " row " + i).isGreaterThanOrEqualTo(previous);
                previous = created;
            }
        }
        Table crm = files.get("crm.csv");
        for (List<String> row : crm.rows()) {
            assertThat(crm.get(row, "updated_at")).matches(TIMESTAMP)
                    .isGreaterThanOrEqualTo(crm.get(row, "created_at"));
        }
        Table web = files.get("web.csv");
        for (List<String> row : web.rows()) {
            assertThat(web.get(row, "last_seen_at")).matches(TIMESTAMP)
                    .isGreaterThanOrEqualTo(web.get(row, "signup_at"));
        }
        Table orders = files.get("transactions.csv");
        for (List<String> row : orders.rows()) {
            assertThat(orders.get(row, "amount")).matches("\\d{1,4}\\.\\d\\d");
            assertThat(orders.get(row, "channel")).isIn("web", "app", "store");
            assertThat(orders.get(row, "customer_ref")).matches("[0-9a-f]{32}");
        }
        Table loyalty = files.get("loyalty.csv");
        for (List<String> row : loyalty.rows()) {
            assertThat(loyalty.get(row, "tier")).isIn("Bronze", "Silver", "Gold", "Platinum");
        }
    }

    @Test
    void everyValueIsTheTruthOrDocumentedNoise() {
        assertThat(unexplained).isEmpty();
    }

    @Test
    void nicknamesComeFromTheTable() {
        assertThat(seen("first.nickname")).isGreaterThan(500);
        // every first name that is not the given name (or a typo of it, or the surname of a swap) is one of the
        // given name's nicknames in the table: anything else would be in `unexplained`
        assertThat(unexplained).noneMatch(u -> u.contains("first_name"));
        assertThat(nicknamesSeen).contains("Bob", "Bill", "Liz", "Mike", "Jim").hasSizeGreaterThan(60);
        assertThat(names.nicknames("Robert")).containsExactly("Bob", "Rob", "Bobby", "Robbie");
        assertThat(names.nicknames("William")).containsExactly("Bill", "Will", "Billy", "Willie");
        assertThat(names.nicknames("Elizabeth")).containsExactly("Liz", "Beth", "Betsy", "Lizzie", "Eliza");
        assertThat(names.nicknames("Zachariah")).isEmpty();
    }

    @Test
    void theNoiseRatesFallWithinTheDocumentedBounds() {
        SoftAssertions soft = new SoftAssertions();
        rate(soft, "nickname", seen("first.nickname"), seen("first.eligible"), 0.12, 0.02);
        rate(soft, "first name typo", seen("first.typo"), seen("first.nonblank") - seen("first.nickname"), 0.02, 0.006);
        rate(soft, "last name typo", seen("last.typo"), seen("last.nonblank"), 0.02, 0.006);
        rate(soft, "swapped names", seen("names.swapped"), seen("names.both"), 0.015, 0.005);
        rate(soft, "first name case or spacing", seen("first.styled"), seen("first.nonblank"), 0.04, 0.008);
        rate(soft, "last name case or spacing", seen("last.styled"), seen("last.nonblank"), 0.04, 0.008);
        rate(soft, "street case or spacing", seen("street.styled"), seen("street.nonblank"), 0.04, 0.01);
        rate(soft, "city case or spacing", seen("city.styled"), seen("city.nonblank"), 0.04, 0.01);
        rate(soft, "street typo", seen("street.typo"), seen("street.typo.eligible"), 0.03, 0.008);
        rate(soft, "street suffix", seen("street.suffix"), seen("street.suffix.eligible"), 0.10, 0.015);
        rate(soft, "zip+4", seen("zip.plus4"), seen("zip.nonblank"), 0.04, 0.01);
        rate(soft, "zip leading zero lost", seen("zip.lost0"), seen("zip.zero.eligible"), 0.20, 0.08);
        rate(soft, "junk email", seen("email.junk"), seen("email.nonblank"), 0.01, 0.004);
        rate(soft, "gmail variant", seen("email.gmail.variant"), seen("email.gmail"), 0.30, 0.03);
        rate(soft, "email typo", seen("email.typo"), seen("email.typo.eligible"), 0.01, 0.004);
        rate(soft, "email case", seen("email.case"), seen("email.real"), 0.03, 0.008);
        rate(soft, "second email", seen("email.second"), seen("email.second.eligible"), 0.35, 0.04);
        rate(soft, "junk phone", seen("phone.junk"), seen("phone.nonblank"), 0.015, 0.005);
        rate(soft, "household landline", seen("phone.landline"), seen("phone.landline.eligible"), 0.40, 0.04);
        rate(soft, "shared device", seen("device.shared"), seen("device.shared.eligible"), 0.50, 0.12);
        rate(soft, "date of birth day-month swap", seen("dob.swapped"), seen("dob.eligible"), 0.03, 0.015);
        double[] formats = {0.30, 0.25, 0.15, 0.10, 0.15, 0.05};
        for (int i = 0; i < formats.length; i++) {
            rate(soft, "phone format " + PHONE_FORMATS.get(i), seen("phone.format." + i),
                    seen("phone.nonblank") - seen("phone.junk"), formats[i], 0.025);
        }
        soft.assertAll();
    }

    @Test
    void theBlankRatesFallWithinTheDocumentedBounds() {
        SoftAssertions soft = new SoftAssertions();
        blank(soft, "crm.csv", "first_name", 0.01, 0.006);
        blank(soft, "crm.csv", "last_name", 0.01, 0.006);
        blank(soft, "crm.csv", "email", 0.08, 0.015);
        blank(soft, "crm.csv", "phone", 0.15, 0.02);
        blank(soft, "crm.csv", "street", 0.10, 0.02);
        blank(soft, "crm.csv", "date_of_birth", 0.35, 0.03);
        blank(soft, "web.csv", "email", 0, 0);
        blank(soft, "web.csv", "first_name", 0.25, 0.025);
        blank(soft, "web.csv", "last_name", 0.30, 0.025);
        blank(soft, "web.csv", "phone", 0.55, 0.025);
        blank(soft, "web.csv", "device_id", 0.05, 0.012);
        blank(soft, "transactions.csv", "first_name", 0.02, 0.006);
        blank(soft, "transactions.csv", "last_name", 0.02, 0.006);
        blank(soft, "transactions.csv", "customer_ref", 0, 0);
        blank(soft, "loyalty.csv", "first_name", 0.01, 0.008);
        blank(soft, "loyalty.csv", "email", 0.10, 0.025);
        blank(soft, "loyalty.csv", "phone", 0.10, 0.025);
        blank(soft, "loyalty.csv", "street", 0.20, 0.03);
        blank(soft, "loyalty.csv", "date_of_birth", 0.25, 0.03);
        rate(soft, "store order without email", seen("orders.store.email.blank"), seen("orders.store"), 0.50, 0.04);
        rate(soft, "web or app order without email", seen("orders.online.email.blank"), seen("orders.online"), 0.02,
                0.008);
        rate(soft, "web or app order without billing address", seen("orders.online.billing.blank"),
                seen("orders.online"), 0.03, 0.01);
        soft.assertThat(seen("orders.store.billing.given")).as("store orders with a billing address").isZero();
        soft.assertAll();
    }

    @Test
    void theSummaryCountsWhatTheFilesShow() {
        long blanks = 0;
        for (Table table : files.values()) {
            for (List<String> row : table.rows()) {
                blanks += row.stream().filter(String::isEmpty).count();
            }
        }
        assertThat(summary.noise(NoiseKind.MISSING)).isEqualTo(blanks);
        assertThat(summary.noise(NoiseKind.JUNK_EMAIL)).isEqualTo(seen("email.junk"));
        assertThat(summary.noise(NoiseKind.JUNK_PHONE)).isEqualTo(seen("phone.junk"));
        assertThat(summary.noise(NoiseKind.GMAIL_VARIANT)).isEqualTo(seen("email.gmail.variant"));
        assertThat(summary.noise(NoiseKind.ZIP_FORMAT)).isEqualTo(seen("zip.plus4") + seen("zip.lost0"));
        assertThat(summary.noise(NoiseKind.DOB_DAY_MONTH_SWAP)).isEqualTo(seen("dob.swapped"));
        assertThat(summary.noise(NoiseKind.MOVED_ADDRESS)).isEqualTo(seen("address.moved")).isPositive();
        assertThat(summary.noise(NoiseKind.HOUSEHOLD_LANDLINE)).isEqualTo(seen("phone.landline"));
        assertThat(summary.noise(NoiseKind.SHARED_DEVICE)).isEqualTo(seen("device.shared"));
        assertThat(summary.noise(NoiseKind.STREET_SUFFIX)).isEqualTo(seen("street.suffix"));
        long duplicates = truth.values().stream().mapToLong(p -> Math.max(0, p.presence().crmRecords() - 1)
                + Math.max(0, p.presence().webAccounts() - 1) + Math.max(0, p.presence().loyaltyRecords() - 1)).sum();
        assertThat(summary.noise(NoiseKind.DUPLICATE_RECORD)).isEqualTo(duplicates).isPositive();
        // a typo can look like a nickname (Jane, Janie) and a swap of equal names is invisible: close, not exact
        assertThat((double) seen("first.nickname")).isCloseTo(summary.noise(NoiseKind.NICKNAME), within(0.02,
                summary.noise(NoiseKind.NICKNAME)));
        assertThat((double) seen("first.typo") + seen("last.typo")).isCloseTo(summary.noise(NoiseKind.NAME_TYPO),
                within(0.03, summary.noise(NoiseKind.NAME_TYPO)));
        assertThat((double) seen("names.swapped")).isCloseTo(summary.noise(NoiseKind.SWAPPED_NAMES), within(0.03,
                summary.noise(NoiseKind.SWAPPED_NAMES)));
        assertThat((double) seen("street.typo")).isCloseTo(summary.noise(NoiseKind.STREET_TYPO), within(0.03,
                summary.noise(NoiseKind.STREET_TYPO)));
    }

    @Test
    void junkIdentifiersAppearOnRecordsOfManyUnrelatedPeople() {
        assertThat(personsByJunk.keySet()).isSubsetOf(Stream.concat(names.junkEmails().stream(),
                names.junkPhones().stream()).toList());
        assertThat(personsByJunk.get("test@test.com")).hasSizeGreaterThan(20);
        assertThat(personsByJunk.get("0000000000")).hasSizeGreaterThan(20);
        Set<String> households = new HashSet<>();
        for (String id : personsByJunk.get("test@test.com")) {
            households.add(Integer.toString(truth.get(id).household().number()));
        }
        assertThat(households).hasSizeGreaterThan(20);
    }

    @Test
    void identifiersAreSharedOnlyWithinAHouseholdAndOnlyAsDocumented() {
        long sharedEmails = 0;
        for (Map.Entry<String, Set<String>> email : personsByEmail.entrySet()) {
            if (email.getValue().size() > 1) {
                sharedEmails++;
                List<Person> sharing = email.getValue().stream().map(truth::get).toList();
                assertThat(sharing).extracting(p -> p.household().number()).as(email.getKey()).containsOnly(
                        sharing.get(0).household().number());
                assertThat(sharing).as(email.getKey()).anyMatch(Person::sharesEmail);
            }
        }
        assertThat(sharedEmails).isPositive();
        long sharedPhones = 0;
        for (Map.Entry<String, Set<String>> phone : personsByPhone.entrySet()) {
            if (phone.getValue().size() > 1) {
                sharedPhones++;
                for (String id : phone.getValue()) {
                    assertThat(truth.get(id).household().landline()).as(phone.getKey()).isEqualTo(phone.getKey());
                }
            }
        }
        assertThat(sharedPhones).isPositive();
        long sharedDevices = 0;
        for (Map.Entry<String, Set<String>> device : personsByDevice.entrySet()) {
            if (device.getValue().size() > 1) {
                sharedDevices++;
                for (String id : device.getValue()) {
                    assertThat(truth.get(id).household().sharedDevice()).isEqualTo(device.getKey());
                }
            }
        }
        assertThat(sharedDevices).isPositive();
        assertThat(personsByCard.values()).allMatch(persons -> persons.size() == 1);
    }

    @Test
    void householdsShareAddressAndLandlineButNotNamesOrBirthDates() {
        Map<Integer, List<Person>> households = new TreeMap<>();
        for (Person person : truth.values()) {
            households.computeIfAbsent(person.household().number(), k -> new ArrayList<>()).add(person);
        }
        long moved = 0;
        long landlines = 0;
        long couples = 0;
        long sharing = 0;
        for (List<Person> members : households.values()) {
            Household household = members.get(0).household();
            assertThat(members).allMatch(p -> p.household().equals(household));
            assertThat(members.stream().map(Person::givenName).distinct().count()).isEqualTo(members.size());
            assertThat(members.stream().map(Person::dateOfBirth).distinct().count()).isEqualTo(members.size());
            assertThat(members.stream().map(Person::mobile).distinct().count()).isEqualTo(members.size());
            assertThat(members.size()).isBetween(1, 5);
            moved += household.moved() ? 1 : 0;
            landlines += household.landline() != null ? 1 : 0;
            if (members.size() >= 2) {
                couples++;
                sharing += members.get(1).sharesEmail() ? 1 : 0;
                if (members.get(1).sharesEmail()) {
                    assertThat(members.get(1).email()).isEqualTo(members.get(0).email());
                } else {
                    assertThat(members.get(1).email()).isNotEqualTo(members.get(0).email());
                }
            }
        }
        SoftAssertions soft = new SoftAssertions();
        rate(soft, "households that move", moved, households.size(), 0.15, 0.025);
        rate(soft, "households with a landline", landlines, households.size(), 0.35, 0.03);
        rate(soft, "partners sharing an email", sharing, couples, 0.08, 0.025);
        rate(soft, "people with a second email", truth.values().stream().filter(p -> p.secondEmail() != null).count(),
                PEOPLE, 0.20, 0.02);
        soft.assertThat(households.size() / (double) PEOPLE).as("households per person").isBetween(0.50, 0.60);
        soft.assertAll();
        Set<String> emails = new HashSet<>();
        for (Person person : truth.values()) {
            if (!person.sharesEmail()) {
                assertThat(emails.add(EmailBook.canonical(person.email()))).as(person.email()).isTrue();
            }
            if (person.secondEmail() != null) {
                assertThat(emails.add(EmailBook.canonical(person.secondEmail()))).as(person.secondEmail()).isTrue();
            }
        }
    }

    @Test
    void movedHouseholdsShowTheOldAddressBeforeTheMoveAndTheNewOneAfter() {
        // every address was checked against the household's address at the record's time in `explain`
        assertThat(seen("address.moved")).isPositive();
        assertThat(seen("address.before.move")).isPositive();
    }

    @Test
    void mainWritesWhatWriteWritesAndRejectsBadArguments() throws Exception {
        Path out = dir.resolve("main");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CustomerGenerator.main(new String[] {"--people", "300", "--seed", Long.toString(SEED), "--out",
                    out.toString()});
        } finally {
            System.setOut(original);
        }
        Path direct = dir.resolve("direct");
        CdpSummary written = new CustomerGenerator(SEED).write(direct, 300);
        for (String file : HEADERS.keySet()) {
            assertThat(Files.mismatch(out.resolve(file), direct.resolve(file))).as(file).isEqualTo(-1L);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("crm.csv").contains("wrote 300 people (seed 11)");
        assertThat(written.people()).isEqualTo(300);

        assertThatThrownBy(() -> new CustomerGenerator(SEED).write(dir.resolve("bad"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("people must be within 0..10000000, cannot be: -1");
        assertThatThrownBy(() -> CustomerGenerator.main(new String[] {"--people", "ten", "--out", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--people must be a whole number, cannot be: 'ten'");
        assertThatThrownBy(() -> CustomerGenerator.main(new String[] {"--people", "5", "--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unexpected argument '--bogus'");
        assertThatThrownBy(() -> CustomerGenerator.main(new String[] {"--febrl", "both", "--entities", "5", "--out",
                dir.resolve("febrl").toString()})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--febrl must be dedup or linkage, cannot be: 'both'");
        assertThatThrownBy(() -> CustomerGenerator.main(new String[] {"--people", "5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--out DIR is required");
    }

    @Test
    void zeroPeopleGiveTheHeadersAlone() throws Exception {
        Path empty = dir.resolve("empty");
        CdpSummary none = new CustomerGenerator(SEED).write(empty, 0);
        assertThat(none.totalRows()).isZero();
        for (Map.Entry<String, String> header : HEADERS.entrySet()) {
            assertThat(Files.readString(empty.resolve(header.getKey()))).isEqualTo(header.getValue() + "\n");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Explaining one record from the truth

    private static void explain(Layout layout, Table table, List<String> row) {
        String where = layout.file() + " " + row.get(0);
        Person person = truth.get(table.get(row, "person_id"));
        if (person == null) {
            unexplained.add(where + ": unknown person " + table.get(row, "person_id"));
            return;
        }
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i).isEmpty()) {
                count(layout.file() + "." + table.header().get(i) + ".blank");
            }
        }
        explainNames(where, person, table.get(row, "first_name"), table.get(row, "last_name"));
        explainEmail(where, layout, person, table.get(row, "email"));
        if (layout.phone() != null) {
            explainPhone(where, person, table.get(row, layout.phone()));
        }
        if (layout.street() != null) {
            explainAddress(where, layout, table, row, person);
        }
        if (layout.dateOfBirth() != null) {
            explainDateOfBirth(where, person, table.get(row, layout.dateOfBirth()));
        }
        switch (layout.file()) {
            case "web.csv" -> {
                String device = table.get(row, "device_id");
                String shared = person.household().sharedDevice();
                if (!device.isEmpty()) {
                    personsByDevice.computeIfAbsent(device, k -> new HashSet<>()).add(person.id());
                    if (shared != null) {
                        count("device.shared.eligible");
                    }
                    if (device.equals(shared)) {
                        count("device.shared");
                    } else if (!person.devices().contains(device)) {
                        unexplained.add(where + ": device_id " + device);
                    }
                }
            }
            case "transactions.csv" -> {
                String card = table.get(row, "customer_ref");
                personsByCard.computeIfAbsent(card, k -> new HashSet<>()).add(person.id());
                if (!person.cards().contains(card)) {
                    unexplained.add(where + ": customer_ref " + card);
                }
                boolean store = table.get(row, "channel").equals("store");
                String prefix = store ? "orders.store" : "orders.online";
                count(prefix);
                if (table.get(row, "email").isEmpty()) {
                    count(prefix + ".email.blank");
                }
                if (table.get(row, "billing_street").isEmpty()) {
                    count(prefix + ".billing.blank");
                } else if (store) {
                    count("orders.store.billing.given");
                }
            }
            default -> {
            }
        }
    }

    private static void explainNames(String where, Person person, String first, String last) {
        NameKind firstKind = first.isEmpty() ? NameKind.CLEAN : firstKind(first, person);
        NameKind lastKind = last.isEmpty() ? NameKind.CLEAN : lastKind(last, person);
        String firstValue = first;
        if (!first.isEmpty() && !last.isEmpty()) {
            count("names.both");
            if ((firstKind == NameKind.OTHER || lastKind == NameKind.OTHER) && lastKind(first, person) != NameKind.OTHER
                    && firstKind(last, person) != NameKind.OTHER) {
                count("names.swapped");
                firstKind = firstKind(last, person);
                lastKind = lastKind(first, person);
                firstValue = last;
            }
        }
        if (!first.isEmpty()) {
            count("first.nonblank");
            if (!names.nicknames(person.givenName()).isEmpty()) {
                count("first.eligible");
            }
            if (styled(first)) {
                count("first.styled");
            }
            switch (firstKind) {
                case NICKNAME -> {
                    count("first.nickname");
                    nicknamesSeen.add(firstValue.strip());
                }
                case TYPO -> count("first.typo");
                case OTHER -> unexplained.add(where + ": first_name '" + first + "' of " + person.givenName() + " "
                        + person.surname());
                default -> {
                }
            }
        }
        if (!last.isEmpty()) {
            count("last.nonblank");
            if (styled(last)) {
                count("last.styled");
            }
            if (lastKind == NameKind.TYPO) {
                count("last.typo");
            } else if (lastKind == NameKind.OTHER) {
                unexplained.add(where + ": last_name '" + last + "' of " + person.givenName() + " " + person.surname());
            }
        }
    }

    private static NameKind firstKind(String value, Person person) {
        String seen = normal(value);
        String given = person.givenName().toLowerCase(Locale.ROOT);
        if (seen.equals(given)) {
            return NameKind.CLEAN;
        }
        for (String nickname : names.nicknames(person.givenName())) {
            if (seen.equals(nickname.toLowerCase(Locale.ROOT))) {
                return NameKind.NICKNAME;
            }
        }
        return oneEdit(seen, given) ? NameKind.TYPO : NameKind.OTHER;
    }

    private static NameKind lastKind(String value, Person person) {
        String seen = normal(value);
        String surname = normal(person.surname());
        if (seen.equals(surname)) {
            return NameKind.CLEAN;
        }
        return oneEdit(seen, surname) ? NameKind.TYPO : NameKind.OTHER;
    }

    private static void explainEmail(String where, Layout layout, Person person, String value) {
        if (value.isEmpty()) {
            return;
        }
        count("email.nonblank");
        if (names.junkEmails().contains(value)) {
            count("email.junk");
            personsByJunk.computeIfAbsent(value, k -> new HashSet<>()).add(person.id());
            return;
        }
        count("email.real");
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            count("email.case");
        }
        String seen = value.toLowerCase(Locale.ROOT);
        List<String> known = Stream.of(person.email(), person.secondEmail(), person.accountEmail())
                .filter(e -> e != null).toList();
        String matched = null;
        boolean variant = false;
        boolean typo = false;
        if (known.contains(seen)) {
            matched = seen;
        } else {
            for (String address : known) {
                if (address.endsWith("@gmail.com") && seen.endsWith("@gmail.com")
                        && EmailBook.canonical(address).equals(EmailBook.canonical(seen))) {
                    matched = address;
                    variant = true;
                    break;
                }
                String domain = address.substring(address.indexOf('@'));
                if (seen.endsWith(domain) && oneEdit(seen.substring(0, seen.length() - domain.length()),
                        address.substring(0, address.length() - domain.length()))) {
                    matched = address;
                    typo = true;
                }
            }
        }
        if (matched == null) {
            unexplained.add(where + ": email '" + value + "' of " + known);
            return;
        }
        if (matched.endsWith("@gmail.com")) {
            count("email.gmail");
            if (variant) {
                count("email.gmail.variant");
            }
        }
        if (!variant) {
            count("email.typo.eligible");
            if (typo) {
                count("email.typo");
            }
        }
        if (!layout.file().equals("web.csv") && person.secondEmail() != null) {
            count("email.second.eligible");
            if (matched.equals(person.secondEmail())) {
                count("email.second");
            }
        }
        if (!typo) {
            personsByEmail.computeIfAbsent(EmailBook.canonical(matched), k -> new HashSet<>()).add(person.id());
        }
    }

    private static void explainPhone(String where, Person person, String value) {
        if (value.isEmpty()) {
            return;
        }
        count("phone.nonblank");
        if (names.junkPhones().contains(value)) {
            count("phone.junk");
            personsByJunk.computeIfAbsent(value, k -> new HashSet<>()).add(person.id());
            return;
        }
        int format = -1;
        for (int i = 0; i < PHONE_FORMATS.size(); i++) {
            if (PHONE_FORMATS.get(i).matcher(value).matches()) {
                format = i;
            }
        }
        if (format < 0) {
            unexplained.add(where + ": phone format '" + value + "'");
            return;
        }
        count("phone.format." + format);
        String digits = value.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        assertThat(digits.substring(3, 6)).isEqualTo("555");
        String landline = person.household().landline();
        if (landline != null) {
            count("phone.landline.eligible");
        }
        if (digits.equals(landline)) {
            count("phone.landline");
        } else if (!digits.equals(person.mobile())) {
            unexplained.add(where + ": phone '" + value + "' of " + person.mobile() + " / " + landline);
            return;
        }
        personsByPhone.computeIfAbsent(digits, k -> new HashSet<>()).add(person.id());
    }

    private static void explainAddress(String where, Layout layout, Table table, List<String> row, Person person) {
        String street = table.get(row, layout.street());
        String city = table.get(row, layout.city());
        String state = table.get(row, layout.state());
        String postcode = table.get(row, layout.postcode());
        if (street.isEmpty() || city.isEmpty() || state.isEmpty() || postcode.isEmpty()) {
            if (!(street.isEmpty() && city.isEmpty() && state.isEmpty() && postcode.isEmpty())) {
                unexplained.add(where + ": a partly blank address");
            }
            return;
        }
        long at = Instant.parse(table.get(row, layout.time())).getEpochSecond();
        Household household = person.household();
        Address address = household.addressAt(at);
        if (household.moved()) {
            count(at >= household.movedAt() ? "address.moved" : "address.before.move");
        }
        count("street.nonblank");
        if (styled(street)) {
            count("street.styled");
        }
        if (RecordNoise.letters(address.streetName()) >= 4) {
            count("street.typo.eligible");
        }
        if (address.suffix().varies()) {
            count("street.suffix.eligible");
        }
        boolean[] suffixVariant = new boolean[1];
        String seenStreet = streetKey(street, suffixVariant);
        String trueStreet = streetKey(address.streetLine(), new boolean[1]);
        if (suffixVariant[0]) {
            count("street.suffix");
        }
        if (oneEdit(seenStreet, trueStreet)) {
            count("street.typo");
        } else if (!seenStreet.equals(trueStreet)) {
            unexplained.add(where + ": street '" + street + "' at " + address.streetLine());
        }
        count("city.nonblank");
        if (styled(city)) {
            count("city.styled");
        }
        if (!normal(city).equals(normal(address.city().name()))) {
            unexplained.add(where + ": city '" + city + "' at " + address.city());
        }
        if (!state.equals(address.city().state())) {
            unexplained.add(where + ": state '" + state + "' at " + address.city());
        }
        count("zip.nonblank");
        String zip = address.zip();
        if (postcode.matches(zip + "-\\d{4}")) {
            count("zip.plus4");
        } else {
            if (zip.startsWith("0")) {
                count("zip.zero.eligible");
            }
            if (zip.startsWith("0") && postcode.equals(zip.substring(1))) {
                count("zip.lost0");
            } else if (!postcode.equals(zip)) {
                unexplained.add(where + ": postcode '" + postcode + "' at " + zip);
            }
        }
    }

    private static void explainDateOfBirth(String where, Person person, String value) {
        if (value.isEmpty()) {
            return;
        }
        LocalDate born = person.dateOfBirth();
        boolean eligible = born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue();
        if (eligible) {
            count("dob.eligible");
        }
        if (value.equals(born.toString())) {
            return;
        }
        if (eligible && value.equals(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue())
                .toString())) {
            count("dob.swapped");
        } else {
            unexplained.add(where + ": date_of_birth '" + value + "' of " + born);
        }
    }

    /** A street line compared without case, spacing, unit format and suffix spelling. */
    private static String streetKey(String street, boolean[] suffixVariant) {
        String text = normal(street).replaceFirst(",? (apt|unit) (\\w+)$", " #$2");
        String[] tokens = text.split(" ");
        int suffix = tokens[tokens.length - 1].startsWith("#") ? tokens.length - 2 : tokens.length - 1;
        for (StreetSuffix known : names.suffixes()) {
            String abbreviation = known.abbreviation().toLowerCase(Locale.ROOT);
            if (known.varies() && (tokens[suffix].equals(known.full().toLowerCase(Locale.ROOT))
                    || tokens[suffix].equals(abbreviation + "."))) {
                tokens[suffix] = abbreviation;
                suffixVariant[0] = true;
            }
        }
        return String.join(" ", tokens);
    }

    /** Lower case, stripped, inner runs of spaces as one. */
    private static String normal(String value) {
        return value.strip().replaceAll(" +", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether a name, street or city shows case or spacing noise: all upper, all lower, or a stray space. */
    private static boolean styled(String value) {
        if (!value.equals(value.strip()) || value.contains("  ")) {
            return true;
        }
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        return !lower || !upper;
    }

    /** Whether {@code a} and {@code b} are one insertion, deletion, substitution or adjacent transposition apart. */
    static boolean oneEdit(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            return differences == 1 || differences == 2 && first + 1 < a.length()
                    && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    @Test
    void oneEditRecognisesEachKindOfTypoAndNothingElse() {
        assertThat(oneEdit("mary", "mxary")).isTrue();
        assertThat(oneEdit("mary", "mry")).isTrue();
        assertThat(oneEdit("mary", "mory")).isTrue();
        assertThat(oneEdit("mary", "mray")).isTrue();
        assertThat(oneEdit("mary", "mary")).isFalse();
        assertThat(oneEdit("mary", "myra")).isFalse();
        assertThat(oneEdit("mary", "maryann")).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void count(String key) {
        seen.merge(key, 1L, Long::sum);
    }

    private static long seen(String key) {
        return seen.getOrDefault(key, 0L);
    }

    private static void rate(SoftAssertions soft, String what, long hits, long of, double documented,
            double tolerance) {
        soft.assertThat(of).as(what + ": values to measure on").isPositive();
        soft.assertThat(hits / (double) Math.max(1, of)).as(what + " (" + hits + " of " + of + ")")
                .isBetween(documented - tolerance, documented + tolerance);
    }

    private static void blank(SoftAssertions soft, String file, String column, double documented, double tolerance) {
        rate(soft, file + " blank " + column, seen(file + "." + column + ".blank"), files.get(file).rows().size(),
                documented, tolerance);
    }

    /** A closeness of {@code share} of {@code of}, at least 2. */
    private static Offset<Double> within(double share, long of) {
        return Offset.offset(Math.max(2, share * of));
    }

}
