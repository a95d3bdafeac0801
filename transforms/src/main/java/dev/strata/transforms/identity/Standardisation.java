package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Standard forms of the values identity resolution compares, as Spark columns: built-in functions
 * wherever they do the work, a Java function only for phone numbers (libphonenumber) and accents.
 * <ul>
 * <li>email: trimmed, lower case; a {@code +tag} is removed for every domain and, for the domains that
 *     ignore dots in the local part (Gmail by default), the dots too; googlemail.com is gmail.com. A value
 *     that is not an address is null.</li>
 * <li>phone: E.164 ({@code +13035550142}) read with a default region; a value libphonenumber does not
 *     hold for a valid number is null.</li>
 * <li>name: lower case, accents and punctuation removed, spaces collapsed; a given name's nickname is
 *     replaced by its formal name ({@code bob} becomes {@code robert}).</li>
 * <li>address: lower case, punctuation removed, common street words abbreviated the USPS way.</li>
 * </ul>
 */
public final class Standardisation {

    /** Accents folded; the same for every instance. */
    private static final UserDefinedFunction FOLD = udf((UDF1<String, String>) Standardisation::foldAccents,
            DataTypes.StringType).withName("fold_accents");

    private static final Map<String, String> STREET_WORDS = streetWords();

    private final SparkSession spark;
    private final String defaultRegion;
    private final Set<String> dotInsensitiveDomains;
    /** E.164 with this instance's default region: a value of this object, not a name in the session. */
    private final UserDefinedFunction e164;

    /**
     * @param defaultRegion the ISO 3166 region a phone number without a country code belongs to, e.g. US
     * @param dotInsensitiveDomains email domains whose local part ignores dots (e.g. gmail.com)
     */
    public Standardisation(SparkSession spark, String defaultRegion, Set<String> dotInsensitiveDomains) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        Objects.requireNonNull(defaultRegion, "defaultRegion is null");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion must be an ISO 3166 region libphonenumber knows, "
                    + "cannot be: " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
        this.dotInsensitiveDomains = Set.copyOf(Objects.requireNonNull(dotInsensitiveDomains,
                "dotInsensitiveDomains is null"));
        String region = defaultRegion;
        this.e164 = udf((UDF1<String, String>) raw -> e164(raw, region), DataTypes.StringType)
                .withName("e164_" + region.toLowerCase(java.util.Locale.ROOT));
    }

    public Standardisation(SparkSession spark) {
        this(spark, "US", Set.of("gmail.com"));
    }

    public Column email(Column raw) {
        Column value = lower(trim(raw));
        Column local = regexp_extract(value, "^([^@\\s]+)@([a-z0-9.-]+\\.[a-z]{2,})$", 1);
        Column domain = regexp_replace(regexp_extract(value, "^([^@\\s]+)@([a-z0-9.-]+\\.[a-z]{2,})$", 2),
                "^googlemail\\.com$", "gmail.com");
        Column untagged = regexp_replace(local, "\\+.*$", "");
        Column dotless = regexp_replace(untagged, "\\.", "");
        Column cleaned = dotInsensitiveDomains.isEmpty() ? untagged
                : when(domain.isin(dotInsensitiveDomains.toArray()), dotless).otherwise(untagged);
        return when(local.equalTo("").or(cleaned.equalTo("")), lit(null).cast("string"))
                .otherwise(concat(cleaned, lit("@"), domain));
    }

    public Column phone(Column raw) {
        return e164.apply(raw);
    }

    /** A name in its compared form: folded, lower case, letters, digits and single spaces only. */
    public Column name(Column raw) {
        Column folded = lower(FOLD.apply(raw));
        Column lettersOnly = trim(regexp_replace(regexp_replace(folded, "[^a-z0-9 ]", " "), "\\s+", " "));
        return when(lettersOnly.equalTo(""), lit(null).cast("string")).otherwise(lettersOnly);
    }

    /**
     * Given names in their formal form: {@code given} standardised as {@link #name} and, when it is a
     * known nickname with a single formal name, replaced by it.
     */
    public Dataset<Row> formalGivenName(Dataset<Row> records, String column, String output) {
        Dataset<Row> nicknames = nicknames();
        Column standard = name(col(column));
        Dataset<Row> named = records.withColumn(output, standard);
        return named.join(broadcast(nicknames), named.col(output).equalTo(nicknames.col("nickname")), "left")
                .withColumn(output, coalesce(col("formal"), col(output)))
                .drop("nickname", "formal");
    }

    /** An opaque identifier (card fingerprint, device id): trimmed, lower case; blank is null. */
    public Column identifier(Column raw) {
        Column value = lower(trim(raw));
        return when(value.equalTo(""), lit(null).cast("string")).otherwise(value);
    }

    /**
     * A street line: as {@link #name}, common street words abbreviated the USPS way, and a unit written
     * {@code Apt 4B}, {@code #4B}, {@code Unit 4B} or {@code Suite 4B} always as {@code apt 4b}.
     */
    public Column address(Column raw) {
        Column words = name(regexp_replace(raw, "#", " apt "));
        for (Map.Entry<String, String> e : STREET_WORDS.entrySet()) {
            words = regexp_replace(words, "\\b" + e.getKey() + "\\b", e.getValue());
        }
        // every way of writing a unit becomes "apt", and "apt apt" (Apt #4) once
        return regexp_replace(words, "\\b(apt|unit|ste)( (apt|unit|ste))*\\b", "apt");
    }

    /** A postcode's digits only (spaces, dashes and letters dropped); null when none is left. */
    public Column postcode(Column raw) {
        Column digits = regexp_replace(raw, "[^0-9]", "");
        return when(digits.equalTo(""), lit(null).cast("string")).otherwise(digits);
    }

    /**
     * A US ZIP code in its five-digit form: a ZIP+4 loses its extension, and a ZIP of three or four digits
     * (read as a number somewhere, so its leading zeros were lost) gets them back; anything else is null.
     */
    public Column usZip(Column raw) {
        Column digits = regexp_replace(raw, "[^0-9]", "");
        Column length = org.apache.spark.sql.functions.length(digits);
        return when(length.equalTo(9), digits.substr(1, 5))
                .when(length.between(3, 5), org.apache.spark.sql.functions.lpad(digits, 5, "0"))
                .otherwise(lit(null).cast("string"));
    }

    /** The nickname table (a nickname of several formal names is left out: it does not say which). */
    Dataset<Row> nicknames() {
        List<String> pairs = new ArrayList<>();
        Nicknames.formalNames().forEach((nickname, names) -> {
            if (names.size() == 1) {
                pairs.add(nickname + "," + names.iterator().next());
            }
        });
        return spark.createDataset(pairs, Encoders.STRING())
                .selectExpr("split(value, ',')[0] AS nickname", "split(value, ',')[1] AS formal");
    }

    static String e164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, region);
            return util.isValidNumber(number) ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    static String foldAccents(String raw) {
        if (raw == null) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static Map<String, String> streetWords() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("street", "st");
        words.put("avenue", "ave");
        words.put("road", "rd");
        words.put("boulevard", "blvd");
        words.put("drive", "dr");
        words.put("lane", "ln");
        words.put("court", "ct");
        words.put("place", "pl");
        words.put("terrace", "ter");
        words.put("highway", "hwy");
        words.put("parkway", "pkwy");
        words.put("circle", "cir");
        words.put("square", "sq");
        words.put("apartment", "apt");
        words.put("suite", "ste");
        words.put("north", "n");
        words.put("south", "s");
        words.put("east", "e");
        words.put("west", "w");
        return words;
    }

    public String defaultRegion() {
        return defaultRegion;
    }
}
