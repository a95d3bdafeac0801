package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.identity.PiiProtection.MaskKind;
import dev.strata.transforms.identity.PiiProtection.Protection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ExplainMode;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PiiProtectionTest {

    private static final String SALT = "Pepper-7f3a9c-DoNotLog";
    private static final String OTHER_SALT = "Another-Salt-b81e";

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHEMA = new StructType().add("customer_id", DataTypes.LongType)
            .add("email", DataTypes.StringType).add("phone", DataTypes.StringType)
            .add("name", DataTypes.StringType).add("address", DataTypes.StringType)
            .add("birth_date", DataTypes.DateType).add("notes", DataTypes.StringType);

    private Dataset<Row> customers() {
        return spark.createDataFrame(List.of(
                RowFactory.create(1L, "jane.doe@gmail.com", "+13035550142", "Mary Ann", "1600 Pennsylvania Ave",
                        Date.valueOf("1978-03-02"), "likes cats"),
                RowFactory.create(2L, null, null, null, null, null, null),
                RowFactory.create(3L, "", "", "", "", null, "")), SCHEMA);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> strings(Dataset<Row> data, String column) {
        List<String> out = new ArrayList<>();
        data.select(column).collectAsList().forEach(r -> out.add(r.isNullAt(0) ? null : String.valueOf(r.get(0))));
        return out;
    }

    @Test
    void hashIsTheSha256OfSaltAndValueAndNullStaysNull() throws Exception {
        PiiProtection pii = new PiiProtection(SALT);
        Dataset<Row> hashed = customers().orderBy("customer_id").select(pii.hash(col("email")).as("email"),
                pii.hash(col("customer_id")).as("id"));
        assertThat(strings(hashed, "email")).containsExactly(sha256(SALT + "jane.doe@gmail.com"), null, sha256(SALT));
        // a non-string value is hashed in its string form
        assertThat(strings(hashed, "id")).containsExactly(sha256(SALT + "1"), sha256(SALT + "2"), sha256(SALT + "3"));
        assertThat(strings(hashed, "email").get(0)).matches("[0-9a-f]{64}");
    }

    @Test
    void differentSaltsHashDifferentlyEvenInOneSessionAndOneQuery() throws Exception {
        PiiProtection first = new PiiProtection(SALT);
        PiiProtection second = new PiiProtection(OTHER_SALT);
        assertThat(first.hashFunctionName()).isNotEqualTo(second.hashFunctionName());
        Row row = customers().where(col("customer_id").equalTo(1))
                .select(first.hash(col("email")), second.hash(col("email"))).first();
        assertThat(row.getString(0)).isEqualTo(sha256(SALT + "jane.doe@gmail.com"));
        assertThat(row.getString(1)).isEqualTo(sha256(OTHER_SALT + "jane.doe@gmail.com"));
        assertThat(row.getString(0)).isNotEqualTo(row.getString(1));
        // a new object with the first salt reuses the same function name and hashes alike
        assertThat(new PiiProtection(SALT).hashFunctionName()).isEqualTo(first.hashFunctionName());
    }

    @Test
    void equalValuesHashAlikeSoProtectedTablesStillJoin() {
        PiiProtection pii = new PiiProtection(SALT);
        StructType orderSchema = new StructType().add("order_id", DataTypes.LongType).add("email", DataTypes.StringType);
        Dataset<Row> orders = spark.createDataFrame(List.of(RowFactory.create(10L, "jane.doe@gmail.com"),
                RowFactory.create(11L, "other@example.com")), orderSchema);
        Dataset<Row> protectedCustomers = pii.protect(customers(), Map.of("email", Protection.HASH), Map.of());
        Dataset<Row> protectedOrders = pii.protect(orders, Map.of("email", Protection.HASH), Map.of());
        List<Row> joined = protectedOrders.join(protectedCustomers, "email").select("order_id", "customer_id")
                .collectAsList();
        assertThat(joined).extracting(r -> r.getLong(0) + "-" + r.getLong(1)).containsExactly("10-1");
    }

    @Test
    void saltNeverAppearsInPlansToStringOrErrors() {
        PiiProtection pii = new PiiProtection(SALT);
        Dataset<Row> result = pii.protect(customers(), Map.of("email", Protection.HASH, "phone", Protection.HASH,
                "name", Protection.MASK), Map.of("name", MaskKind.NAME))
                .where(col("email").isNotNull());
        result.collectAsList(); // executed plans too
        QueryExecution qe = result.queryExecution();
        // the check itself works: a literal salt would show
        assertThat(customers().select(concat(lit(SALT), col("email"))).queryExecution().toString()).contains(SALT);
        assertThat(qe.toString()).contains(pii.hashFunctionName()).doesNotContain(SALT);
        for (String mode : List.of("simple", "extended", "codegen", "cost", "formatted")) {
            assertThat(qe.explainString(ExplainMode.fromString(mode))).as(mode).doesNotContain(SALT);
        }
        assertThat(qe.executedPlan().toString()).doesNotContain(SALT);
        assertThat(pii.toString()).doesNotContain(SALT).contains("redacted");
        assertThat(pii.hashFunctionName()).doesNotContain(SALT).startsWith("pii_hash_").hasSize(17);
        assertThat(pii.hash(col("email")).toString()).doesNotContain(SALT);

        assertThatThrownBy(() -> pii.protect(customers(), Map.of("nope", Protection.HASH), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope")
                .message().doesNotContain(SALT);
        assertThatThrownBy(() -> new PiiProtection(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salt");
        String blank = " \t \t ";
        assertThatThrownBy(() -> new PiiProtection(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salt").message().doesNotContain(blank);
    }

    @Test
    void masksKeepEnoughToRecogniseButNeverTheWholeValue() {
        PiiProtection pii = new PiiProtection(SALT);
        Map<MaskKind, List<String[]>> cases = new LinkedHashMap<>();
        cases.put(MaskKind.EMAIL, List.of(new String[] {"jane.doe@gmail.com", "j*******@gmail.com"},
                new String[] {"a@b.co", "a@b.co"}, new String[] {"x\"@y\"@host.org", "x****@host.org"},
                new String[] {"not-an-email", "n***********"}, new String[] {"", ""}, new String[] {null, null}));
        cases.put(MaskKind.PHONE, List.of(new String[] {"+13035550142", "********0142"},
                new String[] {"(303) 555-0142", "(***) ***-0142"}, new String[] {"303.555.0142 ext", "***.***.0142 ext"},
                new String[] {"0142", "****"}, new String[] {"", ""}, new String[] {null, null}));
        cases.put(MaskKind.NAME, List.of(new String[] {"Mary Ann", "M*** A**"}, new String[] {"O'Brien", "O'*****"},
                new String[] {"José  Núñez", "J***  N****"}, new String[] {"", ""}, new String[] {null, null}));
        cases.put(MaskKind.ADDRESS, List.of(new String[] {"1600 Pennsylvania Ave", "**** ************ Ave"},
                new String[] {"12 Main St., Apt 4B", "** **** **., *** 4B"}, new String[] {"Broadway", "********"},
                new String[] {"", ""}, new String[] {null, null}));
        cases.put(MaskKind.DATE, List.of(new String[] {"1978-03-02", "1978-**-**"},
                new String[] {"19780302", "1978-**-**"}, new String[] {"", ""}, new String[] {null, null}));
        cases.put(MaskKind.TEXT, List.of(new String[] {"likes cats", "l*********"}, new String[] {"x", "x"},
                new String[] {"", ""}, new String[] {null, null}));
        StructType schema = new StructType().add("value", DataTypes.StringType);
        cases.forEach((kind, examples) -> {
            List<Row> rows = examples.stream().map(e -> RowFactory.create((Object) e[0])).toList();
            Dataset<Row> masked = spark.createDataFrame(rows, schema).coalesce(1)
                    .select(pii.mask(col("value"), kind).as("masked"));
            assertThat(strings(masked, "masked")).as(kind.name())
                    .containsExactlyElementsOf(examples.stream().map(e -> e[1]).toList());
        });
    }

    @Test
    void dateMaskKeepsTheYearOfDatesAndTimestamps() {
        StructType schema = new StructType().add("d", DataTypes.DateType).add("t", DataTypes.TimestampType);
        PiiProtection pii = new PiiProtection(SALT);
        List<Row> rows = spark.createDataFrame(List.of(RowFactory.create(Date.valueOf("1978-03-02"),
                Timestamp.valueOf("2001-12-31 10:00:00")), RowFactory.create(null, null)), schema)
                .coalesce(1).select(pii.mask(col("d"), MaskKind.DATE), pii.mask(col("t"), MaskKind.DATE)).collectAsList();
        assertThat(rows.get(0).getString(0)).isEqualTo("1978-**-**");
        assertThat(rows.get(0).getString(1)).isEqualTo("2001-**-**");
        assertThat(rows.get(1).isNullAt(0)).isTrue();
        assertThat(rows.get(1).isNullAt(1)).isTrue();
    }

    @Test
    void protectAppliesAProtectionPerColumnAndKeepsTheOrder() throws Exception {
        PiiProtection pii = new PiiProtection(SALT);
        Map<String, Protection> protections = Map.of("customer_id", Protection.KEEP, "email", Protection.HASH,
                "phone", Protection.MASK, "name", Protection.MASK, "birth_date", Protection.MASK,
                "notes", Protection.DROP);
        Map<String, MaskKind> kinds = Map.of("phone", MaskKind.PHONE, "name", MaskKind.NAME,
                "birth_date", MaskKind.DATE);
        Dataset<Row> result = pii.protect(customers(), protections, kinds).orderBy("customer_id");
        assertThat(result.columns()).containsExactly("customer_id", "email", "phone", "name", "address", "birth_date");
        assertThat(result.schema().apply("birth_date").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(result.schema().apply("customer_id").dataType()).isEqualTo(DataTypes.LongType);
        List<Row> rows = result.collectAsList();
        assertThat(Arrays.asList(rows.get(0).getLong(0), rows.get(0).getString(1), rows.get(0).getString(2),
                rows.get(0).getString(3), rows.get(0).getString(4), rows.get(0).getString(5)))
                .containsExactly(1L, sha256(SALT + "jane.doe@gmail.com"), "********0142", "M*** A**",
                        "1600 Pennsylvania Ave", "1978-**-**");
        assertThat(rows.get(1).toSeq().mkString("|")).isEqualTo("2|null|null|null|null|null");
        assertThat(rows.get(2).toSeq().mkString("|")).isEqualTo("3|" + sha256(SALT) + "||||null");
    }

    @Test
    void protectRejectsUnknownColumnsAndMissingOrStrayMaskKinds() {
        PiiProtection pii = new PiiProtection(SALT);
        assertThatThrownBy(() -> pii.protect(customers(), Map.of("ssn", Protection.DROP), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown column ssn")
                .hasMessageContaining("customer_id");
        assertThatThrownBy(() -> pii.protect(customers(), Map.of("email", Protection.MASK), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email")
                .hasMessageContaining("EMAIL");
        assertThatThrownBy(() -> pii.protect(customers(), Map.of("email", Protection.HASH),
                Map.of("email", MaskKind.EMAIL))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only for MASK");
        assertThatThrownBy(() -> pii.protect(customers(), Map.of(), Map.of("phone", MaskKind.PHONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
        assertThat(pii.protect(customers(), Map.of(), Map.of()).columns()).isEqualTo(customers().columns());
    }
}
