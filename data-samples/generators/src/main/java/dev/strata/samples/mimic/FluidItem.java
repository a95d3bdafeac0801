package dev.strata.samples.mimic;

import java.util.List;
import java.util.Objects;

/**
 * An item of the fluid tables (INPUTEVENTS_MV, INPUTEVENTS_CV, OUTPUTEVENTS), as D_ITEMS lists it, with
 * how it is given or measured: a continuous infusion ({@code rate} in {@code rateUom}, {@code amount}
 * per hour), a bolus ({@code amount}) or an output ({@code amount} a measurement).
 */
record FluidItem(int itemId, String label, String abbreviation, String dbsource, String linksto, String category,
        String unitName, String paramType, Kind kind, double amount, String amountUom, double rate, String rateUom,
        String orderCategory, String orderCategoryDescription, String route, double weight) {

    /** How the item is given or measured. */
    enum Kind { CONTINUOUS, BOLUS, OUTPUT }

    FluidItem {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(dbsource, "dbsource is null");
        Objects.requireNonNull(linksto, "linksto is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(amountUom, "amountUom is null");
        if (kind == Kind.CONTINUOUS && (rateUom == null || !(rate > 0))) {
            throw new IllegalArgumentException("continuous item " + itemId + " needs a rate, cannot be: " + rate + " "
                    + rateUom);
        }
    }

    /** The input and output items MIMIC-III uses most, both systems; itemids and labels as in D_ITEMS. */
    static final List<FluidItem> ALL = List.of(
            metavision(225158, "NaCl 0.9%", "Fluids/Intake", "mL", Kind.CONTINUOUS, 75, "mL", 75, "mL/hour",
                    "02-Fluids (Crystalloids)", "Continuous IV", 30),
            metavision(220949, "Dextrose 5%", "Fluids/Intake", "mL", Kind.CONTINUOUS, 50, "mL", 50, "mL/hour",
                    "02-Fluids (Crystalloids)", "Continuous IV", 12),
            metavision(225828, "LR", "Fluids/Intake", "mL", Kind.BOLUS, 500, "mL", 0, null, "03-IV Fluid Bolus",
                    "Bolus", 10),
            metavision(222168, "Propofol", "Medications", "mg", Kind.CONTINUOUS, 144, "mg", 30, "mcg/kg/min",
                    "01-Drips", "Continuous Med", 8),
            metavision(221906, "Norepinephrine", "Medications", "mg", Kind.CONTINUOUS, 0.48, "mg", 0.1, "mcg/kg/min",
                    "01-Drips", "Continuous Med", 8),
            metavision(221749, "Phenylephrine", "Medications", "mg", Kind.CONTINUOUS, 4.8, "mg", 1, "mcg/kg/min",
                    "01-Drips", "Continuous Med", 4),
            metavision(225152, "Heparin Sodium", "Medications", "units", Kind.CONTINUOUS, 1000, "units", 1000,
                    "units/hour", "01-Drips", "Continuous Med", 6),
            metavision(223258, "Insulin - Regular", "Medications", "units", Kind.CONTINUOUS, 3, "units", 3,
                    "units/hour", "01-Drips", "Continuous Med", 6),
            metavision(221744, "Fentanyl", "Medications", "mcg", Kind.CONTINUOUS, 50, "mcg", 50, "mcg/hour",
                    "01-Drips", "Continuous Med", 5),
            metavision(221668, "Midazolam (Versed)", "Medications", "mg", Kind.BOLUS, 2, "mg", 0, null,
                    "05-Med Bolus", "Drug Push", 5),
            metavision(225798, "Vancomycin", "Antibiotics", "dose", Kind.BOLUS, 1, "dose", 0, null,
                    "08-Antibiotics (IV)", "Drug Push", 5),
            metavision(226452, "PO Intake", "Fluids/Intake", "mL", Kind.BOLUS, 240, "mL", 0, null,
                    "14-Oral/Gastric Intake", "Non Iv Meds", 8),
            metavision(225168, "Packed Red Blood Cells", "Blood Products/Colloids", "mL", Kind.BOLUS, 350, "mL", 0,
                    null, "07-Blood Products", "Bolus", 3),
            metavision(220862, "Albumin 25%", "Blood Products/Colloids", "mL", Kind.BOLUS, 100, "mL", 0, null,
                    "07-Blood Products", "Bolus", 2),
            metavision(226559, "Foley", "Output", "mL", Kind.OUTPUT, 140, "mL", 0, null, null, null, 80),
            metavision(226560, "Void", "Output", "mL", Kind.OUTPUT, 250, "mL", 0, null, null, null, 12),
            metavision(226588, "Chest Tube #1", "Output", "mL", Kind.OUTPUT, 60, "mL", 0, null, null, null, 8),
            carevue(30018, ".9% Normal Saline", Kind.CONTINUOUS, 75, "ml", 75, "ml/hr", "Intravenous Infusion", 30),
            carevue(30013, "D5W", Kind.CONTINUOUS, 50, "ml", 50, "ml/hr", "Intravenous Infusion", 12),
            carevue(30021, "Lactated Ringers", Kind.BOLUS, 500, "ml", 0, null, "Intravenous Infusion", 10),
            carevue(30131, "Propofol", Kind.CONTINUOUS, 144, "mg", 30, "mcgkgmin", "Drip", 8),
            carevue(30047, "Levophed", Kind.CONTINUOUS, 0.48, "mg", 0.1, "mcgkgmin", "Drip", 8),
            carevue(30127, "Neosynephrine", Kind.CONTINUOUS, 4.8, "mg", 1, "mcgkgmin", "Drip", 4),
            carevue(30025, "Heparin", Kind.CONTINUOUS, 1000, "U", 1000, "U/hr", "Drip", 6),
            carevue(30045, "Insulin", Kind.CONTINUOUS, 3, "U", 3, "U/hr", "Drip", 6),
            carevue(30118, "Fentanyl", Kind.CONTINUOUS, 50, "mcg", 50, "mcghr", "Drip", 5),
            carevue(30124, "Midazolam", Kind.BOLUS, 2, "mg", 0, null, "Intravenous Push", 5),
            carevue(30056, "PO Intake", Kind.BOLUS, 240, "ml", 0, null, "Oral", 8),
            carevue(30001, "Packed RBC's", Kind.BOLUS, 350, "ml", 0, null, "Intravenous Infusion", 3),
            carevue(40055, "Urine Out Foley", Kind.OUTPUT, 140, "ml", 0, null, null, 80),
            carevue(40069, "Urine Out Void", Kind.OUTPUT, 250, "ml", 0, null, null, 12),
            carevue(40094, "Urine Out Condom Cath", Kind.OUTPUT, 200, "ml", 0, null, null, 8));

    boolean metavision() {
        return dbsource.equals("metavision");
    }

    private static FluidItem metavision(int itemId, String label, String category, String unitName, Kind kind,
            double amount, String amountUom, double rate, String rateUom, String orderCategory,
            String orderCategoryDescription, double weight) {
        return new FluidItem(itemId, label, label, "metavision",
                kind == Kind.OUTPUT ? "outputevents" : "inputevents_mv", category, unitName,
                kind == Kind.OUTPUT ? "Numeric" : "Solution", kind, amount, amountUom, rate, rateUom, orderCategory,
                orderCategoryDescription, null, weight);
    }

    private static FluidItem carevue(int itemId, String label, Kind kind, double amount, String amountUom, double rate,
            String rateUom, String route, double weight) {
        return new FluidItem(itemId, label, null, "carevue", kind == Kind.OUTPUT ? "outputevents" : "inputevents_cv",
                null, null, null, kind, amount, amountUom, rate, rateUom, null, null, route, weight);
    }
}
