package dev.strata.samples.mimic;

import java.util.Objects;

/**
 * One drug product as PRESCRIPTIONS names it. Text fields may be null (empty in the catalogue); the NDC
 * may be {@code 0}, as MIMIC has for dummy packages.
 */
record Drug(String drug, String namePoe, String nameGeneric, String formularyCode, String ndc, String strength,
        String doseValue, String doseUnit, String formValue, String formUnit, String route, String type,
        double weight) {

    Drug {
        Objects.requireNonNull(drug, "drug is null");
        Objects.requireNonNull(type, "type is null");
    }
}
