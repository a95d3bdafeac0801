package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Hashing and masking of PII columns for curated outputs.
 * <p>
 * {@link #hash} is the lower-case hex SHA-256 of the salt followed by the value's string form (UTF-8), so
 * equal values hash alike in every table protected with the same salt and can still be joined. The salt
 * comes from configuration and never shows: not in a Spark plan (the hash is a Java function registered
 * with the session under {@code strata_pii_hash_<id>}, where {@code <id>} is the first 8 hex digits of
 * SHA-256("strata-salt-id:" + salt), and only that function's closure holds the salt), nor in
 * {@link #toString} or an exception message.
 * <p>
 * Masks are deterministic, built from Spark's regular expressions, and turn any value into a string
 * (a non-string column is cast to string first). Null stays null and an empty string stays empty:
 * <ul>
 * <li>{@link MaskKind#EMAIL}: the first character of the local part, one {@code *} per other character
 *     of it, the domain kept: {@code jane.doe@gmail.com} becomes {@code j*******@gmail.com}; a value
 *     without {@code @} is masked as TEXT;</li>
 * <li>{@link MaskKind#PHONE}: the last 4 digits kept, every other digit, and a {@code +} before them,
 *     becomes {@code *}; spaces, brackets and dashes are kept: {@code +13035550142} becomes
 *     {@code ********0142}, {@code (303) 555-0142} becomes {@code (***) ***-0142}; a value with 4 digits
 *     or fewer has every digit masked;</li>
 * <li>{@link MaskKind#NAME}: per whitespace-separated word, its first character kept and every other
 *     letter {@code *}: {@code Mary Ann} becomes {@code M*** A**}, {@code O'Brien} {@code O'*****};</li>
 * <li>{@link MaskKind#ADDRESS}: the last word (the street suffix, say) kept, every other letter and digit
 *     becomes {@code *}, punctuation and spaces kept: {@code 1600 Pennsylvania Ave} becomes
 *     {@code **** ************ Ave}; an address of a single word is masked entirely;</li>
 * <li>{@link MaskKind#DATE}: the year only: the first 4 characters of the string form, then
 *     {@code -**-**}; a date or timestamp 1978-03-02 becomes {@code 1978-**-**}, and so does the string
 *     {@code 1978-03-02};</li>
 * <li>{@link MaskKind#TEXT}: the first character, then one {@code *} per other character.</li>
 * </ul>
 */
public final class PiiProtection {

    /** What {@link #protect} does to a column. */
    public enum Protection { HASH, MASK, KEEP, DROP }

    /** The masks of {@link #mask}. */
    public enum MaskKind { EMAIL, PHONE, NAME, ADDRESS, DATE, TEXT }

    static final String HASH_FUNCTION_PREFIX = "pii_hash_";

    private final String hashFunction;
    /** This salt's hash: a value of this object, so two salts in one session never replace each other. */
    private final UserDefinedFunction hasher;

    /**
     * The hash function of this salt.
     *
     * @param salt the secret prepended to every hashed value, from configuration; never null or blank
     */
    public PiiProtection(String salt) {
        if (salt == null || salt.isBlank()) {
            throw new IllegalArgumentException("salt must be a non-blank secret from configuration, cannot be "
                    + (salt == null ? "null" : "blank"));
        }
        this.hashFunction = HASH_FUNCTION_PREFIX + sha256Hex("strata-salt-id:" + salt).substring(0, 8);
        this.hasher = udf(hasher(salt), DataTypes.StringType).withName(hashFunction);
    }

    /** The salt is captured by this closure only; a static method keeps {@code this} out of it. */
    private static UDF1<String, String> hasher(String salt) {
        return value -> value == null ? null : sha256Hex(salt + value);
    }

    /** Lower-case hex SHA-256 of (salt + the value's string form); null stays null. */
    public Column hash(Column value) {
        Objects.requireNonNull(value, "value is null");
        return hasher.apply(value.cast(DataTypes.StringType));
    }

    /** The value masked as {@code kind} says (see the class documentation), as a string. */
    public Column mask(Column value, MaskKind kind) {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(kind, "kind is null");
        Column text = value.cast(DataTypes.StringType);
        return switch (kind) {
            case EMAIL -> when(text.contains("@"), regexp_replace(text, "(?s)(?!^).(?=.*@)", "*"))
                    .otherwise(textMask(text));
            case PHONE -> when(length(regexp_replace(text, "\\D", "")).gt(4),
                    regexp_replace(text, "[+\\d](?=(?:\\D*\\d){4})", "*"))
                    .otherwise(regexp_replace(text, "[+\\d]", "*"));
            case NAME -> regexp_replace(text, "(?<=\\S)[\\p{L}\\p{M}]", "*");
            case ADDRESS -> when(text.rlike("\\S\\s+\\S"),
                    regexp_replace(text, "(?s)[\\p{L}\\p{N}](?=.*\\s\\S)", "*"))
                    .otherwise(regexp_replace(text, "[\\p{L}\\p{N}]", "*"));
            case DATE -> when(text.equalTo(""), text).otherwise(concat(substring(text, 1, 4), lit("-**-**")));
            case TEXT -> textMask(text);
        };
    }

    private static Column textMask(Column text) {
        return regexp_replace(text, "(?s)(?!^).", "*");
    }

    /**
     * Applies a protection per column: HASH replaces the value with its hash (a string column of the same
     * name), MASK masks it with the column's kind from {@code maskKinds}, DROP removes the column, KEEP
     * (like any column not named) leaves it. Column order is kept.
     *
     * @param maskKinds a kind for every MASK column, and for no other column
     */
    public Dataset<Row> protect(Dataset<Row> data, Map<String, Protection> protections,
            Map<String, MaskKind> maskKinds) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(protections, "protections is null");
        Objects.requireNonNull(maskKinds, "maskKinds is null");
        List<String> columns = List.of(data.columns());
        protections.forEach((column, protection) -> {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("protections name the unknown column " + column
                        + "; columns are: " + columns);
            }
            if (protection == null) {
                throw new IllegalArgumentException("protection of " + column + " is null, must be one of "
                        + List.of(Protection.values()));
            }
            if (protection == Protection.MASK && maskKinds.get(column) == null) {
                throw new IllegalArgumentException("column " + column + " is masked but maskKinds gives it no "
                        + "kind; kinds are: " + List.of(MaskKind.values()));
            }
        });
        maskKinds.keySet().forEach(column -> {
            if (protections.get(column) != Protection.MASK) {
                throw new IllegalArgumentException("maskKinds names column " + column + ", whose protection is "
                        + protections.get(column) + "; mask kinds are only for MASK columns");
            }
        });
        List<Column> out = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            String name = field.name();
            Column column = col("`" + name.replace("`", "``") + "`");
            switch (protections.getOrDefault(name, Protection.KEEP)) {
                case KEEP -> out.add(column);
                case HASH -> out.add(hash(column).as(name));
                case MASK -> out.add(mask(column, maskKinds.get(name)).as(name));
                case DROP -> { }
            }
        }
        return data.select(out.toArray(Column[]::new));
    }

    /** The name plans show for this salt's hash function (it does not contain the salt). */
    public String hashFunctionName() {
        return hashFunction;
    }

    @Override
    public String toString() {
        return "PiiProtection[hash=" + hashFunction + ", salt=<redacted>]";
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
