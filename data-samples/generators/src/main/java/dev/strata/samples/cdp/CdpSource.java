package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import java.util.List;

/**
 * The four sources of the CDP sample, each one CSV file, its columns (the record id first, the ground
 * truth {@code person_id} last) and how its record ids look. Records are numbered 0, 1, ... in the order of
 * the file, which is the order of their creation time.
 */
enum CdpSource {
    CRM("crm.csv", List.of("crm_id", "first_name", "last_name", "email", "phone", "street", "city", "state",
            "postcode", "date_of_birth", "created_at", "updated_at", "person_id")),
    WEB("web.csv", List.of("web_user_id", "email", "first_name", "last_name", "phone", "device_id", "signup_at",
            "last_seen_at", "person_id")),
    TRANSACTIONS("transactions.csv", List.of("order_id", "customer_ref", "email", "first_name", "last_name",
            "billing_street", "billing_city", "billing_state", "billing_postcode", "order_at", "amount", "channel",
            "person_id")),
    LOYALTY("loyalty.csv", List.of("loyalty_id", "first_name", "last_name", "email", "phone", "street", "city",
            "state", "postcode", "date_of_birth", "joined_at", "tier", "person_id"));

    private static final long SALT_WEB_ID = 0x3EB1D;

    private final String file;
    private final List<String> columns;

    CdpSource(String file, List<String> columns) {
        this.file = file;
        this.columns = columns;
    }

    String file() {
        return file;
    }

    List<String> columns() {
        return columns;
    }

    String header() {
        return String.join(",", columns);
    }

    /**
     * The id of record {@code sequence} (0, 1, ...): {@code C1000001}, a 16-digit hex web user id (a
     * bijection of the sequence, so unique, in no visible order), {@code ORD-00000001}, {@code LY00000001}.
     */
    String id(long sequence, long seed) {
        return switch (this) {
            case CRM -> "C" + (1_000_001L + sequence);
            case WEB -> Digits.hex16(Dice.mix(sequence + Dice.key(seed, 0, SALT_WEB_ID)));
            case TRANSACTIONS -> "ORD-" + Digits.padded(sequence + 1, 8);
            case LOYALTY -> "LY" + Digits.padded(sequence + 1, 8);
        };
    }
}
