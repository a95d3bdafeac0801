package dev.strata.samples.cdp;

import java.util.List;
import java.util.Objects;

/**
 * One record of a FEBRL-format file: the id ({@code rec-12-org}, {@code rec-12-dup-0}) and the ten values of
 * {@link #COLUMNS} after it, any of which may be empty. None holds a comma.
 */
record FebrlRecord(String id, List<String> values) {

    /** The FEBRL columns, in order. */
    static final List<String> COLUMNS = List.of("rec_id", "given_name", "surname", "street_number", "address_1",
            "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id");
    /** FEBRL's separator: a comma and a space. */
    static final String SEPARATOR = ", ";

    static final int GIVEN_NAME = 0;
    static final int SURNAME = 1;
    static final int STREET_NUMBER = 2;
    static final int ADDRESS_1 = 3;
    static final int ADDRESS_2 = 4;
    static final int SUBURB = 5;
    static final int POSTCODE = 6;
    static final int STATE = 7;
    static final int DATE_OF_BIRTH = 8;
    static final int SOC_SEC_ID = 9;

    FebrlRecord {
        Objects.requireNonNull(id, "id is null");
        values = List.copyOf(Objects.requireNonNull(values, "values is null"));
        if (values.size() != COLUMNS.size() - 1) {
            throw new IllegalArgumentException("a FEBRL record has " + (COLUMNS.size() - 1)
                    + " values after its id, cannot have: " + values.size());
        }
        for (String value : values) {
            if (value.contains(",")) {
                throw new IllegalArgumentException("a FEBRL value must not hold a comma, cannot be: '" + value + "'");
            }
        }
    }

    static String header() {
        return String.join(SEPARATOR, COLUMNS);
    }

    String line() {
        return id + SEPARATOR + String.join(SEPARATOR, values);
    }
}
