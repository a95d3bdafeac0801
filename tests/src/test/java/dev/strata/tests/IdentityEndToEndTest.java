package dev.strata.tests;

import static dev.strata.tests.ServiceRequestsEndToEndTest.pairs;
import static dev.strata.tests.ServiceRequestsEndToEndTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata identity} through the CLI on the committed customer-data sample (four sources, 30,641
 * records). The runs happen in a child JVM, the only way to hand the CLI its PII salt in the environment
 * variable production uses; the other actions and the queries run in this JVM on the same lake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityEndToEndTest {

    /** Made up for this test, distinctive enough that finding it anywhere means it leaked. */
    private static final String SALT = "e2e-salt-7Kq2-tangerine-0x5f3759df";
    private static final List<String> JUNK_EMAILS = List.of("test@test.com", "none@none.com", "noemail@example.com",
            "na@na.com");

    @TempDir
    static Path dir;

    static Path lake;
    static CliRun firstRun;
    static Map<String, List<Map<String, String>>> samples;

    /** The first run, in this JVM (its Spark warm), so the salt comes as a setting (masked wherever shown). */
    static CliRun identityRun() {
        return CliRun.of("identity", "run", "--lake", lake.toString(), "--var", "cdp=" + Repository.customerSample(),
                "--conf", "spark.strata.pii.salt=" + SALT);
    }

    static CliRun identity(String... args) {
        List<String> all = new ArrayList<>(List.of("identity"));
        all.addAll(List.of(args));
        all.addAll(List.of("--lake", lake.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @BeforeAll
    static void resolveTheSampleOnce() {
        lake = dir.resolve("lake");
        samples = new LinkedHashMap<>();
        for (String source : List.of("crm", "web", "transactions", "loyalty")) {
            samples.put(source, Repository.csvRecords(Repository.customerSample().resolve(source + ".csv")));
        }
        firstRun = identityRun();
    }

    @Test
    @Order(1)
    void theRunSucceedsWithoutShowingItsSalt() throws IOException {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.err()).contains("identity customer: full run, 30,641 new record(s)");
        assertThat(firstRun.out()).doesNotContain(SALT);
        assertThat(firstRun.err()).doesNotContain(SALT).doesNotContain("no PII salt configured");
        // the salt came as a setting, so none was made for the lake
        assertThat(lake.resolve("_identity/pii_salt")).doesNotExist();
        assertThat(filesContaining(lake.resolve("_runs"), SALT)).isEmpty();
        assertThat(filesContaining(lake, SALT)).isEmpty();
    }

    @Test
    @Order(2)
    void everySampleRecordHasExactlyOneCustomerId() {
        Map<String, Long> perSource = new TreeMap<>();
        samples.forEach((source, records) -> perSource.put(source, (long) records.size()));
        assertThat(perSource).containsEntry("crm", 7_439L).containsEntry("web", 6_617L)
                .containsEntry("transactions", 12_916L).containsEntry("loyalty", 3_669L);
        assertThat(perSource.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30_641L);

        assertThat(query(lake, "select count(*), count(distinct record_id), count(customer_id) "
                + "from curated.customer_xref")).containsExactly("30641,30641,30641");
        assertThat(pairs(lake, "select source, count(distinct source_key) from curated.customer_xref group by source"))
                .isEqualTo(perSource);
        assertThat(query(lake, "select count(*) from clean.customer_records")).containsExactly("30641");
    }

    @Test
    @Order(3)
    void theProfileHasOneRowPerCustomerAndEveryOrder() {
        assertThat(query(lake, "select count(*) = count(distinct customer_id), count(*) "
                + "= (select count(distinct customer_id) from curated.customer_xref) from curated.customer_profile"))
                .containsExactly("true,true");
        assertThat(query(lake, "select count(*) from (select distinct customer_id from curated.customer_xref) x "
                + "full outer join curated.customer_profile p on x.customer_id = p.customer_id "
                + "where x.customer_id is null or p.customer_id is null")).containsExactly("0");

        BigDecimal revenue = samples.get("transactions").stream().map(r -> new BigDecimal(r.get("amount").strip()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> totals = query(lake, "select sum(orders), cast(sum(revenue) as string) "
                + "from curated.customer_profile");
        assertThat(totals).hasSize(1);
        String[] fields = totals.get(0).split(",");
        assertThat(fields[0]).isEqualTo("12916");
        assertThat(new BigDecimal(fields[1])).isEqualByComparingTo(revenue);
    }

    @Test
    @Order(4)
    void theProfileCarriesPiiHashedOrMasked() {
        assertThat(query(lake, "select count(*) from curated.customer_profile where email is not null "
                + "and not email rlike '^[0-9a-f]{64}$'")).containsExactly("0");
        assertThat(query(lake, "select count(*) from curated.customer_profile where given is not null "
                + "and given not like '%*%'")).containsExactly("0");
        // and the checks above are about many values, not about none
        assertThat(Long.parseLong(query(lake, "select count(email) from curated.customer_profile").get(0)))
                .isGreaterThan(5_000);
        assertThat(Long.parseLong(query(lake, "select count(given) from curated.customer_profile").get(0)))
                .isGreaterThan(5_000);
    }

    @Test
    @Order(5)
    void aSecondRunKeepsEveryCustomerId() throws IOException {
        String xref = "select record_id, customer_id from curated.customer_xref order by record_id";
        String hashes = "select customer_id, email, phone from curated.customer_profile order by customer_id";
        String history = "select count(*) from curated.customer_id_history";
        List<String> xrefBefore = query(lake, xref);
        List<String> hashesBefore = query(lake, hashes);
        List<String> historyBefore = query(lake, history);
        assertThat(xrefBefore).hasSize(30_641);

        // the rerun as a user would start it, in a JVM of its own with the salt in its environment this time (a
        // rerun with no new record: the cheaper of the two runs pays the new JVM's start)
        CliRun again = CliRun.inChildJvm(Map.of("STRATA_PII_SALT", SALT), "identity", "run", "--lake",
                lake.toString(), "--var", "cdp=" + Repository.customerSample());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out() + again.err()).doesNotContain(SALT);
        assertThat(again.err()).doesNotContain("no PII salt configured");

        assertThat(query(lake, xref)).isEqualTo(xrefBefore);
        assertThat(query(lake, history)).isEqualTo(historyBefore);
        // the same salt, from the environment or as a setting, gives the same hashes, so they stay joinable from
        // run to run
        assertThat(query(lake, hashes)).isEqualTo(hashesBefore);
        assertThat(filesContaining(lake, SALT)).isEmpty();
    }

    @Test
    @Order(6)
    void evaluationAgainstTheTruthPrintsScores() {
        CliRun run = identity("evaluate", "--truth", "person_id");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher m = Pattern.compile("pairwise precision (\\S+) recall (\\S+) F1 (\\S+) \\(.*\\); "
                + "B-cubed precision (\\S+) recall (\\S+) F1 (\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        for (int group = 1; group <= 6; group++) {
            assertThat(Double.parseDouble(m.group(group))).as(m.group()).isBetween(0.0, 1.0);
        }
        assertThat(Double.parseDouble(m.group(2))).as("pairwise recall").isGreaterThanOrEqualTo(0.5);
        assertThat(Double.parseDouble(m.group(5))).as("B-cubed recall").isGreaterThanOrEqualTo(0.5);
    }

    @Test
    @Order(7)
    void explainShowsADeterministicLinkWithMaskedValues() {
        // two orders paid with the same card, both with an email; the first one's written as the resolver
        // stores it (lower case, not gmail, so no dots or tags to drop), so --show-values prints it as is
        Map<String, Map<String, String>> firstByCard = new LinkedHashMap<>();
        Map<String, String> left = null;
        Map<String, String> right = null;
        for (Map<String, String> order : samples.get("transactions")) {
            String card = order.get("customer_ref");
            String email = order.get("email");
            if (card == null || email == null || JUNK_EMAILS.contains(email.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, String> earlier = firstByCard.putIfAbsent(card, order);
            if (earlier != null && plain(earlier.get("email"))) {
                left = earlier;
                right = order;
                break;
            }
        }
        assertThat(left).as("two orders with one card, both with an email").isNotNull();
        String a = "transactions:" + left.get("order_id");
        String b = "transactions:" + right.get("order_id");

        CliRun masked = identity("explain", a, b);
        assertThat(masked.exitCode()).as(masked.toString()).isZero();
        assertThat(masked.out()).contains("linked outright by equal card").contains("verdict: linked")
                .contains("match weight ").contains("blocking: ");
        assertThat(masked.out().toLowerCase(Locale.ROOT)).doesNotContain(left.get("email").strip().toLowerCase(Locale.ROOT))
                .doesNotContain(right.get("email").strip().toLowerCase(Locale.ROOT));
        assertThat(masked.out()).contains(left.get("email").substring(0, 1) + "*");

        CliRun shown = identity("explain", a, b, "--show-values");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains(left.get("email")).contains("linked outright by equal card");
    }

    private static boolean plain(String email) {
        return email.equals(email.strip().toLowerCase(Locale.ROOT)) && !email.endsWith("@gmail.com")
                && !email.contains("+");
    }

    @Test
    @Order(8)
    void thePiiReportShowsWhereEmailIsInClearAndWhereHashed() {
        CliRun run = identity("pii-report");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<List<String>> rows = run.out().lines().map(l -> List.of(l.split("\\|", -1)).stream().map(String::strip)
                .toList()).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("clean", "crm_contacts", "email")
                .element(4).isEqualTo("in clear"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r).startsWith("curated", "customer_profile", "email");
            assertThat(r.get(4)).startsWith("hashed");
            assertThat(r.get(5)).isEqualTo("ok");
        });
        assertThat(rows).filteredOn(r -> r.size() == 6 && r.get(1).equals("customer_profile"))
                .hasSizeGreaterThanOrEqualTo(8).allSatisfy(r -> assertThat(r.get(5)).isEqualTo("ok"));
    }

    @Test
    @Order(9)
    void mistakesAreUserErrors() {
        CliMistakesTest.assertOneLineMistake(CliRun.of("identity"), "name what to do");
        CliMistakesTest.assertOneLineMistake(identity("frobnicate"), "unknown identity action 'frobnicate'");
        CliMistakesTest.assertOneLineMistake(identity("evaluate"), "--truth");
        CliMistakesTest.assertOneLineMistake(identity("explain", "crm:NOPE", "crm:NOPE2"), "no record crm:NOPE");
    }

    /** The files under a folder whose bytes hold the text. */
    private static List<Path> filesContaining(Path folder, String text) throws IOException {
        assertThat(folder).isDirectory();
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        long files = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    found.add(file);
                }
            }
        }
        assertThat(files).as("files under " + folder).isPositive();
        return found;
    }

    @Test
    @Order(10)
    void theCustomerTablesPublishToGlueAndLoadIntoPostgres() {
        try (MotoAws aws = MotoAws.open(false); EmbeddedWarehouse warehouse = EmbeddedWarehouse.start()) {
            PublishedLake published = PublishedLake.publish(lake, "cdp", "strata_cdp", "cdp", aws, warehouse);
            assertThat(published.curatedTables()).containsExactly("customer_channels", "customer_id_history",
                    "customer_junk_identifiers", "customer_links", "customer_profile", "customer_segments",
                    "customer_xref");
            assertThat(published.rows()).containsEntry("customer_xref", 30_641L);
            assertThat(aws.tables("strata_cdp_clean")).extracting(t -> t.name()).contains("customer_records");
            assertThat(new BigDecimal(warehouse.rows("SELECT SUM(revenue) FROM cdp.customer_profile").get(0)))
                    .isEqualByComparingTo(new BigDecimal(query(lake,
                            "select cast(sum(revenue) as string) from curated.customer_profile").get(0)));
            assertThat(warehouse.rows("SELECT data_type FROM information_schema.columns WHERE table_schema = 'cdp'"
                    + " AND table_name = 'customer_profile' AND column_name IN ('revenue', 'sources', 'last_seen')"
                    + " ORDER BY column_name")).containsExactly("timestamp without time zone", "numeric", "jsonb");
            assertThat(published.reload().err()).contains("redshift:cdp.customer_xref: read 30,641, written 30,641")
                    .contains("merge on record_id: 30,641 staged, 0 new, 30,641 matched");
            assertThat(published.publish().err()).doesNotContain(SALT);
        }

        Map<String, String> redshift = PublishEndToEndTest.ddl(lake, "--dialect", "redshift", "--zone", "curated");
        assertThat(redshift.get("curated.customer_profile")).contains("  \"revenue\" DECIMAL(28,2),\n")
                .contains("  \"sources\" SUPER,\n").contains("  \"first_seen\" TIMESTAMP,\n");
        assertThat(redshift.get("curated.customer_xref")).contains("  \"record_id\" BIGINT NOT NULL,\n")
                .contains("PRIMARY KEY (\"record_id\")");
        assertThat(redshift.get("curated.customer_segments")).contains("  \"pct_revenue\" DECIMAL(35,2)\n")
                .endsWith("DISTSTYLE ALL;");
        Map<String, String> spectrum = PublishEndToEndTest.ddl(lake, "--dialect", "spectrum", "--location-root",
                "s3://cdp-lake/retail");
        assertThat(spectrum.keySet()).hasSize(7);
        assertThat(spectrum.get("curated.customer_profile")).startsWith(
                "CREATE EXTERNAL TABLE \"strata_cdp\".\"customer_profile_spectrum\" (")
                .contains("  \"sources\" array<string>,\n").contains("  \"revenue\" decimal(28,2),\n")
                .endsWith("LOCATION 's3://cdp-lake/retail/curated/customer_profile/_symlink_format_manifest/';");
    }
}
