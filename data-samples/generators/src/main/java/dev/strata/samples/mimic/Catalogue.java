package dev.strata.samples.mimic;

import dev.strata.samples.CsvTable;
import dev.strata.samples.Weighted;
import dev.strata.samples.Dice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The code lists the generator draws from, read from {@code generate/mimic/*.csv} on the class path:
 * ICD-9 diagnoses and procedures, drugs, lab and chart items, microbiology results, CPT codes, services,
 * care units, admission types and locations, discharge locations, ethnicities, insurances and note
 * categories, each with a weight (how common it is). Immutable once loaded. The generator makes adult
 * patients, so the neonatal values (admission type NEWBORN, care unit NICU, service NB) are never drawn.
 */
final class Catalogue {

    /** Where the code lists live on the class path. */
    private static final String FOLDER = "generate/mimic/";

    /** The discharge location of a patient who died in hospital, as MIMIC spells it. */
    static final String DEAD = "DEAD/EXPIRED";
    /** The note category of the one summary each admission ends with. */
    static final String DISCHARGE_SUMMARY = "Discharge summary";

    private final List<IcdCode> diagnoses;
    private final List<IcdCode> procedures;
    private final List<LabItem> labItems;
    private final List<ChartItem> chartItems;
    private final List<CptCode> cptCodes;
    private final Weighted<IcdCode> diagnosisDraw;
    private final Weighted<IcdCode> procedureDraw;
    private final Weighted<Drug> drugDraw;
    private final Weighted<CptCode> cptDraw;
    private final Weighted<String> specimenDraw;
    private final Map<String, Weighted<MicroResult>> resultDraws;
    private final Weighted<Choice> services;
    private final Weighted<Choice> careUnits;
    private final Weighted<Choice> admissionTypes;
    private final Weighted<Choice> admissionLocations;
    private final Weighted<Choice> dischargeLocations;
    private final Weighted<Choice> ethnicities;
    private final Weighted<Choice> insurances;
    private final Weighted<Choice> noteCategories;
    private final Choice dischargeSummary;

    Catalogue(List<IcdCode> diagnoses, List<IcdCode> procedures, List<Drug> drugs, List<LabItem> labItems,
            List<ChartItem> chartItems, List<MicroResult> microResults, List<CptCode> cptCodes, List<Choice> services,
            List<Choice> careUnits, List<Choice> admissionTypes, List<Choice> admissionLocations,
            List<Choice> dischargeLocations, List<Choice> ethnicities, List<Choice> insurances,
            List<Choice> noteCategories) {
        this.diagnoses = List.copyOf(Objects.requireNonNull(diagnoses, "diagnoses is null"));
        this.procedures = List.copyOf(Objects.requireNonNull(procedures, "procedures is null"));
        Objects.requireNonNull(drugs, "drugs is null");
        this.labItems = List.copyOf(Objects.requireNonNull(labItems, "labItems is null"));
        this.chartItems = List.copyOf(Objects.requireNonNull(chartItems, "chartItems is null"));
        Objects.requireNonNull(microResults, "microResults is null");
        this.cptCodes = List.copyOf(Objects.requireNonNull(cptCodes, "cptCodes is null"));
        unique("diagnoses.csv icd9_code", this.diagnoses.stream().map(IcdCode::code).toList());
        unique("procedures.csv icd9_code", this.procedures.stream().map(IcdCode::code).toList());
        unique("lab_items.csv itemid", this.labItems.stream().map(LabItem::itemId).toList());
        unique("chart_items.csv itemid", this.chartItems.stream().map(ChartItem::itemId).toList());
        if (this.labItems.isEmpty() || this.chartItems.isEmpty()) {
            throw new IllegalArgumentException("the catalogue needs at least one lab item and one chart item");
        }
        this.diagnosisDraw = Weighted.of("diagnoses.csv", this.diagnoses, IcdCode::weight);
        this.procedureDraw = Weighted.of("procedures.csv", this.procedures, IcdCode::weight);
        this.drugDraw = Weighted.of("drugs.csv", drugs, Drug::weight);
        this.cptDraw = Weighted.of("cpt.csv", this.cptCodes, CptCode::weight);
        Map<String, List<MicroResult>> bySpecimen = new LinkedHashMap<>();
        Map<String, Double> specimenWeights = new LinkedHashMap<>();
        for (MicroResult result : microResults) {
            bySpecimen.computeIfAbsent(result.specimen(), s -> new ArrayList<>()).add(result);
            specimenWeights.merge(result.specimen(), result.weight(), Double::sum);
        }
        this.specimenDraw = Weighted.of("micro.csv", List.copyOf(bySpecimen.keySet()), specimenWeights::get);
        Map<String, Weighted<MicroResult>> draws = new LinkedHashMap<>();
        bySpecimen.forEach((specimen, results) -> {
            if (specimenWeights.get(specimen) > 0) {
                draws.put(specimen, Weighted.of("micro.csv " + specimen, results, MicroResult::weight));
            }
        });
        this.resultDraws = Map.copyOf(draws);
        this.services = Weighted.of("services.csv (without NB)", adults(services, "NB"), Choice::weight);
        this.careUnits = Weighted.of("careunits.csv (without NICU)", adults(careUnits, "NICU"), Choice::weight);
        this.admissionTypes = Weighted.of("admission_types.csv (without NEWBORN)", adults(admissionTypes, "NEWBORN"),
                Choice::weight);
        this.admissionLocations = Weighted.of("admission_locations.csv", admissionLocations, Choice::weight);
        this.dischargeLocations = Weighted.of("discharge_locations.csv (without " + DEAD + ")",
                dischargeLocations.stream().filter(c -> !c.value().equals(DEAD)).toList(), Choice::weight);
        this.ethnicities = Weighted.of("ethnicities.csv", ethnicities, Choice::weight);
        this.insurances = Weighted.of("insurances.csv", insurances, Choice::weight);
        this.noteCategories = Weighted.of("note_categories.csv (without " + DISCHARGE_SUMMARY + ")",
                noteCategories.stream().filter(c -> !c.value().strip().equals(DISCHARGE_SUMMARY)).toList(),
                Choice::weight);
        this.dischargeSummary = noteCategories.stream()
                .filter(c -> c.value().strip().equals(DISCHARGE_SUMMARY) && c.weight() > 0).findFirst().orElse(null);
    }

    /** Reads every code list from the class path ({@code generate/mimic/}). */
    static Catalogue load() {
        List<IcdCode> diagnoses = icdCodes("diagnoses.csv");
        List<IcdCode> procedures = icdCodes("procedures.csv");
        List<Drug> drugs = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "drugs.csv", List.of("drug", "drug_name_poe",
                "drug_name_generic", "formulary_drug_cd", "ndc", "prod_strength", "dose_val_rx", "dose_unit_rx",
                "form_val_disp", "form_unit_disp", "route", "drug_type", "weight")).rows()) {
            drugs.add(new Drug(row.text("drug"), row.textOrNull("drug_name_poe"),
                    row.textOrNull("drug_name_generic"), row.textOrNull("formulary_drug_cd"), row.textOrNull("ndc"),
                    row.textOrNull("prod_strength"), row.textOrNull("dose_val_rx"), row.textOrNull("dose_unit_rx"),
                    row.textOrNull("form_val_disp"), row.textOrNull("form_unit_disp"), row.textOrNull("route"),
                    row.text("drug_type"), row.weight()));
        }
        List<LabItem> labItems = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "lab_items.csv", List.of("itemid", "label", "fluid",
                "category", "loinc_code", "valueuom", "normal_low", "normal_high", "mean", "sd", "decimals",
                "per_day")).rows()) {
            try {
                labItems.add(new LabItem(row.integer("itemid"), row.text("label"), row.text("fluid"),
                        row.text("category"), row.textOrNull("loinc_code"), row.textOrNull("valueuom"),
                        row.number("normal_low"), row.number("normal_high"), row.number("mean"), row.number("sd"),
                        row.integer("decimals"), row.number("per_day")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(row.where() + ": " + e.getMessage(), e);
            }
        }
        List<ChartItem> chartItems = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "chart_items.csv", List.of("itemid", "label",
                "abbreviation", "dbsource", "linksto", "category", "unitname", "mean", "sd", "low", "high",
                "decimals", "per_day")).rows()) {
            try {
                chartItems.add(new ChartItem(row.integer("itemid"), row.text("label"), row.textOrNull("abbreviation"),
                        row.text("dbsource"), row.textOrNull("linksto"), row.textOrNull("category"),
                        row.textOrNull("unitname"), row.number("mean"), row.number("sd"), row.number("low"),
                        row.number("high"), row.integer("decimals"), row.number("per_day")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(row.where() + ": " + e.getMessage(), e);
            }
        }
        List<MicroResult> micro = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "micro.csv", List.of("spec_itemid", "spec_type_desc",
                "org_itemid", "org_name", "ab_itemid", "ab_name", "weight")).rows()) {
            try {
                micro.add(new MicroResult(row.integer("spec_itemid"), row.text("spec_type_desc"),
                        row.integer("org_itemid"), row.textOrNull("org_name"), row.integer("ab_itemid"),
                        row.textOrNull("ab_name"), row.weight()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(row.where() + ": " + e.getMessage(), e);
            }
        }
        List<CptCode> cpt = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "cpt.csv", List.of("cpt_cd", "sectionheader",
                "subsectionheader", "weight")).rows()) {
            cpt.add(new CptCode(row.text("cpt_cd"), row.textOrNull("sectionheader"), row.textOrNull("subsectionheader"),
                    row.weight()));
        }
        return new Catalogue(diagnoses, procedures, drugs, labItems, chartItems, micro, cpt,
                choices("services.csv", "service", "description"), choices("careunits.csv", "careunit", "description"),
                choices("admission_types.csv", "admission_type", null),
                choices("admission_locations.csv", "admission_location", null),
                choices("discharge_locations.csv", "discharge_location", null),
                choices("ethnicities.csv", "ethnicity", null), choices("insurances.csv", "insurance", null),
                choices("note_categories.csv", "category", "description"));
    }

    private static List<IcdCode> icdCodes(String file) {
        List<IcdCode> codes = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + file, List.of("icd9_code", "short_title", "long_title",
                "weight")).rows()) {
            codes.add(new IcdCode(row.text("icd9_code").strip(), row.text("short_title"), row.text("long_title"),
                    row.weight()));
        }
        return codes;
    }

    private static List<Choice> choices(String file, String column, String description) {
        List<String> required = description == null ? List.of(column, "weight") : List.of(column, description,
                "weight");
        List<Choice> choices = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + file, required).rows()) {
            choices.add(new Choice(row.text(column), description == null ? null : row.textOrNull(description),
                    row.weight()));
        }
        return choices;
    }

    /** {@code choices} but the neonatal one: the generator makes adult patients only. */
    private static List<Choice> adults(List<Choice> choices, String neonatal) {
        Objects.requireNonNull(choices, "choices is null");
        return choices.stream().filter(c -> !c.value().equals(neonatal)).toList();
    }

    private static void unique(String what, List<?> keys) {
        Set<Object> seen = new HashSet<>();
        for (Object key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException(what + " must be unique, cannot repeat: " + key);
            }
        }
    }

    List<IcdCode> diagnoses() {
        return diagnoses;
    }

    List<IcdCode> procedures() {
        return procedures;
    }

    List<LabItem> labItems() {
        return labItems;
    }

    List<ChartItem> chartItems() {
        return chartItems;
    }

    IcdCode diagnosis(Dice dice) {
        return diagnosisDraw.draw(dice);
    }

    IcdCode procedure(Dice dice) {
        return procedureDraw.draw(dice);
    }

    Drug drug(Dice dice) {
        return drugDraw.draw(dice);
    }

    CptCode cpt(Dice dice) {
        return cptDraw.draw(dice);
    }

    /** A specimen type (SPEC_TYPE_DESC) drawn by its total weight. */
    String specimen(Dice dice) {
        return specimenDraw.draw(dice);
    }

    /** One result line of {@code specimen}: a negative culture or an organism (with an antibiotic or not). */
    MicroResult result(String specimen, Dice dice) {
        return resultDraws.get(specimen).draw(dice);
    }

    /** Every antibiotic line of the catalogue for one organism grown from one specimen, in catalogue order. */
    List<MicroResult> sensitivities(String specimen, int orgItemId) {
        return resultDraws.get(specimen).items().stream()
                .filter(r -> r.orgItemId() == orgItemId && r.abItemId() > 0).toList();
    }

    String service(Dice dice) {
        return services.draw(dice).value();
    }

    String careUnit(Dice dice) {
        return careUnits.draw(dice).value();
    }

    /** The care units that may be drawn (weight above 0), in catalogue order. */
    List<String> careUnitNames() {
        return careUnits.items().stream().map(Choice::value).toList();
    }

    String admissionType(Dice dice) {
        return admissionTypes.draw(dice).value();
    }

    String admissionLocation(Dice dice) {
        return admissionLocations.draw(dice).value();
    }

    /** Whether {@code location} is in the admission locations with a weight above 0. */
    boolean hasAdmissionLocation(String location) {
        return admissionLocations.items().stream().anyMatch(c -> c.value().equals(location) && c.weight() > 0);
    }

    /** A discharge location of a patient discharged alive (never {@link #DEAD}). */
    String dischargeLocation(Dice dice) {
        return dischargeLocations.draw(dice).value();
    }

    String ethnicity(Dice dice) {
        return ethnicities.draw(dice).value();
    }

    String insurance(Dice dice) {
        return insurances.draw(dice).value();
    }

    boolean hasInsurance(String insurance) {
        return insurances.items().stream().anyMatch(c -> c.value().equals(insurance) && c.weight() > 0);
    }

    /**
     * A note category other than the discharge summary (CATEGORY spelled as in MIMIC, trailing spaces and
     * all) with its DESCRIPTION.
     */
    Choice noteCategory(Dice dice) {
        return noteCategories.draw(dice);
    }

    /** The discharge summary category, or null when the catalogue has none (or gives it weight 0). */
    Choice dischargeSummary() {
        return dischargeSummary;
    }
}
