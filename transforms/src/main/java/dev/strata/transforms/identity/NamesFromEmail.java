package dev.strata.transforms.identity;

import java.util.Objects;

/**
 * A spec's {@code names_from_email:}: a person's name part missing on a record is read from its email address
 * when the address spells the other part with it ({@code garcia} and {@code brandon.garcia29@...} give
 * {@code brandon}), or from an address whose letters spell the full name of other records and no other name, as
 * the record's own parts allow: both parts in either order ({@code maryhill@...}), the initial and the family
 * name ({@code mary} with {@code mhill7@...}), the given name alone ({@code hill} with {@code mary0465@...}).
 * Records of sign-ups that left name fields blank then block, compare and link by their full name. The stored
 * records keep the blanks; only matching sees the name.
 *
 * @param email {@code email}: the email field
 * @param given {@code given}: the given-name field
 * @param family {@code family}: the family-name field
 */
public record NamesFromEmail(String email, String given, String family) {

    public NamesFromEmail {
        Objects.requireNonNull(email, "email is null");
        Objects.requireNonNull(given, "given is null");
        Objects.requireNonNull(family, "family is null");
    }
}
