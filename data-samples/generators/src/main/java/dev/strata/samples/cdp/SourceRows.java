package dev.strata.samples.cdp;

import dev.strata.samples.CsvRecord;
import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes the source records of one person, as many as their {@link Presence} says: CRM contacts, web
 * accounts, orders and loyalty memberships, each with its own dice (seed, person, source) so the records
 * of a person do not depend on anyone else's. Every record ends with the ground truth {@code person_id}.
 *
 * <p>Blank rates per source and column are the constants below; an address is blank as a whole. Store
 * orders carry no billing address (the card was present) and half of them no email.
 */
final class SourceRows {

    static final double CRM_BLANK_NAME = 0.01;
    static final double CRM_BLANK_EMAIL = 0.08;
    static final double CRM_BLANK_PHONE = 0.15;
    static final double CRM_BLANK_ADDRESS = 0.10;
    static final double CRM_BLANK_DOB = 0.35;
    static final double WEB_BLANK_FIRST_NAME = 0.25;
    static final double WEB_BLANK_LAST_NAME = 0.30;
    static final double WEB_BLANK_PHONE = 0.55;
    static final double WEB_BLANK_DEVICE = 0.05;
    static final double ORDER_BLANK_NAME = 0.02;
    static final double ORDER_BLANK_EMAIL = 0.02;
    static final double STORE_ORDER_BLANK_EMAIL = 0.50;
    static final double ORDER_BLANK_BILLING = 0.03;
    static final double LOYALTY_BLANK_NAME = 0.01;
    static final double LOYALTY_BLANK_EMAIL = 0.10;
    static final double LOYALTY_BLANK_PHONE = 0.10;
    static final double LOYALTY_BLANK_ADDRESS = 0.20;
    static final double LOYALTY_BLANK_DOB = 0.25;

    static final List<String> CHANNELS = List.of("web", "app", "store");
    private static final Weights CHANNEL_WEIGHTS = new Weights(50, 20, 30);
    static final List<String> TIERS = List.of("Bronze", "Silver", "Gold", "Platinum");
    private static final Weights TIER_WEIGHTS = new Weights(55, 28, 13, 4);

    private static final long SALT_CRM = 0xC4A;
    private static final long SALT_WEB = 0x3EB;
    private static final long SALT_ORDERS = 0x0D3;
    private static final long SALT_LOYALTY = 0x10A;
    private static final long DAY = 86_400L;

    /** Receives the records of a person, with the sort key (the creation time) and a unique tie-breaker. */
    interface RowSink {
        void add(CdpSource source, long key, long tie, String line) throws IOException;
    }

    private final long seed;
    private final NameTables tables;
    private final NoiseTally tally;

    SourceRows(long seed, NameTables tables, NoiseTally tally) {
        this.seed = seed;
        this.tables = Objects.requireNonNull(tables, "tables is null");
        this.tally = Objects.requireNonNull(tally, "tally is null");
    }

    void write(Person person, RowSink sink) throws IOException {
        Objects.requireNonNull(person, "person is null");
        Objects.requireNonNull(sink, "sink is null");
        Presence presence = person.presence();
        RecordNoise crm = noise(person, SALT_CRM);
        for (int k = 0; k < presence.crmRecords(); k++) {
            crmRecord(person, k, crm, sink);
        }
        RecordNoise web = noise(person, SALT_WEB);
        for (int k = 0; k < presence.webAccounts(); k++) {
            webAccount(person, k, web, sink);
        }
        RecordNoise orders = noise(person, SALT_ORDERS);
        for (int k = 0; k < presence.orders(); k++) {
            order(person, k, orders, sink);
        }
        RecordNoise loyalty = noise(person, SALT_LOYALTY);
        for (int k = 0; k < presence.loyaltyRecords(); k++) {
            loyaltyRecord(person, k, loyalty, sink);
        }
    }

    private RecordNoise noise(Person person, long salt) {
        return new RecordNoise(tables, tally, Dice.of(seed, person.number(), salt));
    }

    private void crmRecord(Person person, int k, RecordNoise noise, RowSink sink) throws IOException {
        Dice dice = noise.dice();
        long created = dice.between(Population.START, Population.END - 30 * DAY);
        long updated = dice.chance(0.5) ? created : dice.between(created, Population.END);
        CsvRecord record = new CsvRecord(true);
        names(person, noise, CRM_BLANK_NAME, CRM_BLANK_NAME, record);
        record.field(noise.blank(CRM_BLANK_EMAIL) ? "" : noise.email(person));
        record.field(noise.blank(CRM_BLANK_PHONE) ? "" : noise.phone(person));
        address(person, updated, noise, CRM_BLANK_ADDRESS, record);
        record.field(noise.blank(CRM_BLANK_DOB) ? "" : noise.dateOfBirth(person.dateOfBirth()));
        record.field(Timestamps.iso(created)).field(Timestamps.iso(updated)).field(person.id());
        duplicate(k);
        sink.add(CdpSource.CRM, created, tie(person, k), record.text());
    }

    private void webAccount(Person person, int k, RecordNoise noise, RowSink sink) throws IOException {
        Dice dice = noise.dice();
        long signup = dice.between(Population.START, Population.END - DAY);
        long lastSeen = dice.between(signup, Population.END);
        CsvRecord record = new CsvRecord(true);
        record.field(k == 0 ? noise.email(person) : noise.emailAs(person.accountEmail()));
        names(person, noise, WEB_BLANK_FIRST_NAME, WEB_BLANK_LAST_NAME, record);
        record.field(noise.blank(WEB_BLANK_PHONE) ? "" : noise.phone(person));
        String device = "";
        if (!noise.blank(WEB_BLANK_DEVICE)) {
            String shared = person.household().sharedDevice();
            if (shared != null && dice.chance(NoiseRates.SHARED_DEVICE)) {
                device = shared;
                tally.add(NoiseKind.SHARED_DEVICE);
            } else {
                device = dice.oneOf(person.devices());
            }
        }
        record.field(device).field(Timestamps.iso(signup)).field(Timestamps.iso(lastSeen)).field(person.id());
        duplicate(k);
        sink.add(CdpSource.WEB, signup, tie(person, k), record.text());
    }

    private void order(Person person, int k, RecordNoise noise, RowSink sink) throws IOException {
        Dice dice = noise.dice();
        long at = dice.between(Population.START, Population.END);
        String channel = CHANNELS.get(dice.pick(CHANNEL_WEIGHTS));
        boolean store = channel.equals("store");
        CsvRecord record = new CsvRecord(true);
        record.field(dice.oneOf(person.cards()));
        record.field(noise.blank(store ? STORE_ORDER_BLANK_EMAIL : ORDER_BLANK_EMAIL) ? "" : noise.email(person));
        names(person, noise, ORDER_BLANK_NAME, ORDER_BLANK_NAME, record);
        address(person, at, noise, store ? 1 : ORDER_BLANK_BILLING, record);
        long cents = Math.min(500_000, Math.max(100, StrictMath.round(dice.logNormalOfOwnPair(42, 0.9) * 100)));
        record.field(Timestamps.iso(at)).field(Digits.cents(cents));
        record.field(channel).field(person.id());
        sink.add(CdpSource.TRANSACTIONS, at, tie(person, k), record.text());
    }

    private void loyaltyRecord(Person person, int k, RecordNoise noise, RowSink sink) throws IOException {
        Dice dice = noise.dice();
        long joined = dice.between(Population.START, Population.END - DAY);
        CsvRecord record = new CsvRecord(true);
        names(person, noise, LOYALTY_BLANK_NAME, LOYALTY_BLANK_NAME, record);
        record.field(noise.blank(LOYALTY_BLANK_EMAIL) ? "" : noise.email(person));
        record.field(noise.blank(LOYALTY_BLANK_PHONE) ? "" : noise.phone(person));
        address(person, joined, noise, LOYALTY_BLANK_ADDRESS, record);
        record.field(noise.blank(LOYALTY_BLANK_DOB) ? "" : noise.dateOfBirth(person.dateOfBirth()));
        record.field(Timestamps.iso(joined)).field(TIERS.get(dice.pick(TIER_WEIGHTS))).field(person.id());
        duplicate(k);
        sink.add(CdpSource.LOYALTY, joined, tie(person, k), record.text());
    }

    /** First and last name, each blank at its rate, else with noise, then maybe swapped. */
    private static void names(Person person, RecordNoise noise, double blankFirst, double blankLast,
            CsvRecord record) {
        String[] names = new String[2];
        names[0] = noise.blank(blankFirst) ? "" : noise.firstName(person);
        names[1] = noise.blank(blankLast) ? "" : noise.lastName(person);
        noise.maybeSwap(names);
        record.field(names[0]).field(names[1]);
    }

    /** Street, city, state and postcode of the household at {@code at}, or four blanks. */
    private void address(Person person, long at, RecordNoise noise, double blank, CsvRecord record) {
        if (noise.dice().chance(blank)) {
            for (int i = 0; i < 4; i++) {
                tally.add(NoiseKind.MISSING);
                record.field("");
            }
            return;
        }
        Household household = person.household();
        Address address = household.addressAt(at);
        if (household.moved() && at >= household.movedAt()) {
            tally.add(NoiseKind.MOVED_ADDRESS);
        }
        record.field(noise.street(address)).field(noise.city(address)).field(address.city().state())
                .field(noise.zip(address));
    }

    private void duplicate(int k) {
        if (k > 0) {
            tally.add(NoiseKind.DUPLICATE_RECORD);
        }
    }

    /** Unique per record of a source: the person and the record's number among theirs (below 256). */
    private static long tie(Person person, int k) {
        return (long) person.number() << 8 | k;
    }
}
