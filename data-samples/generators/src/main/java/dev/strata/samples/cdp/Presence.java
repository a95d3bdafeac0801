package dev.strata.samples.cdp;

/**
 * How many records a person has in each source: CRM contacts (a second one is a duplicate entry), web
 * accounts (a second one is another sign-up), orders, and loyalty memberships.
 */
record Presence(int crmRecords, int webAccounts, int orders, int loyaltyRecords) {

    Presence {
        if (crmRecords < 0 || webAccounts < 0 || orders < 0 || loyaltyRecords < 0) {
            throw new IllegalArgumentException("record counts must be at least 0, cannot be: " + crmRecords + ", "
                    + webAccounts + ", " + orders + ", " + loyaltyRecords);
        }
    }

    int total() {
        return crmRecords + webAccounts + orders + loyaltyRecords;
    }
}
