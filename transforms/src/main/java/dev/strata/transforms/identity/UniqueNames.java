package dev.strata.transforms.identity;

import java.util.List;
import java.util.Objects;

/**
 * A spec's {@code unique_names:}, one setting per key: the few clusters that alone hold a full name are linked
 * when they are compatible (see {@link UniqueNameLinks}).
 *
 * @param names {@code names}: the fields of a full name, at least two
 * @param whenOneLacksAll {@code when_one_lacks_all}: fields of which one of each two clusters must hold no
 *     value (empty: no such condition)
 * @param apartWhenDifferent {@code apart_when_different}: fields on which two clusters both holding values
 *     must share one
 * @param apartWhenRegularDifferent {@code apart_when_regular_different}: as {@code apartWhenDifferent}, but only
 *     when both clusters use a value regularly (a customer's own email, given again and again)
 * @param maxCustomers {@code max_customers}: a name more clusters hold links nothing (2 to 20)
 * @param typos {@code typos}: whether a name one typo apart in one part counts as the name
 */
public record UniqueNames(List<String> names, List<String> whenOneLacksAll, List<String> apartWhenDifferent,
        List<String> apartWhenRegularDifferent, int maxCustomers, boolean typos) {

    /** {@code max_customers} when a spec gives none: the two clusters that alone hold a name. */
    public static final int DEFAULT_MAX_CUSTOMERS = 2;
    /** The most {@code max_customers} may be: a name held by more customers says little. */
    public static final int MOST_CUSTOMERS = 20;

    public UniqueNames {
        names = List.copyOf(Objects.requireNonNull(names, "names is null"));
        whenOneLacksAll = List.copyOf(Objects.requireNonNull(whenOneLacksAll, "whenOneLacksAll is null"));
        apartWhenDifferent = List.copyOf(Objects.requireNonNull(apartWhenDifferent, "apartWhenDifferent is null"));
        apartWhenRegularDifferent = List.copyOf(Objects.requireNonNull(apartWhenRegularDifferent,
                "apartWhenRegularDifferent is null"));
        if (names.size() < 2) {
            throw new IllegalArgumentException("a full name has at least two fields, cannot be: " + names);
        }
        if (maxCustomers < 2 || maxCustomers > MOST_CUSTOMERS) {
            throw new IllegalArgumentException("a name links clusters when 2 to " + MOST_CUSTOMERS
                    + " hold it, max customers cannot be: " + maxCustomers);
        }
        for (String field : names) {
            if (apartWhenDifferent.contains(field) || apartWhenRegularDifferent.contains(field)) {
                throw new IllegalArgumentException("a name field cannot also keep clusters apart: " + field);
            }
        }
        for (String field : apartWhenRegularDifferent) {
            if (apartWhenDifferent.contains(field)) {
                throw new IllegalArgumentException("a field keeps clusters apart once, regularly or not: " + field);
            }
        }
    }

    /** The two clusters that alone hold a name, spelt alike, are linked unless they disagree on {@code apart}. */
    public static UniqueNames of(List<String> names, List<String> whenOneLacksAll, List<String> apart) {
        return new UniqueNames(names, whenOneLacksAll, apart, List.of(), DEFAULT_MAX_CUSTOMERS, false);
    }
}
