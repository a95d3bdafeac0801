package dev.strata.samples.mimic;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the dictionary tables from the catalogue: D_ITEMS (the chart items, then the input and output
 * items the fluid tables use), D_LABITEMS, D_ICD_DIAGNOSES and D_ICD_PROCEDURES.
 */
final class DictionaryRows {

    private final Catalogue catalogue;

    /** @throws IllegalArgumentException when a chart item has the itemid of a fluid item */
    DictionaryRows(Catalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue is null");
        Set<Integer> chartItems = new HashSet<>();
        catalogue.chartItems().forEach(item -> chartItems.add(item.itemId()));
        for (FluidItem item : FluidItem.ALL) {
            if (chartItems.contains(item.itemId())) {
                throw new IllegalArgumentException("chart_items.csv itemid " + item.itemId() + " is also the fluid "
                        + "item '" + item.label() + "'; itemids must be unique in D_ITEMS");
            }
        }
    }

    void write(TableFiles files) throws IOException {
        TableWriter items = files.writer(MimicTable.D_ITEMS);
        for (ChartItem item : catalogue.chartItems()) {
            items.integer(items.nextRowId()).integer(item.itemId()).text(item.label()).text(item.abbreviation())
                    .text(item.dbsource()).text(item.linksto() == null ? "chartevents" : item.linksto())
                    .text(item.category()).text(item.unit()).text(item.dbsource().equals("metavision") ? "Numeric" : null)
                    .empty().end();
        }
        for (FluidItem item : FluidItem.ALL) {
            items.integer(items.nextRowId()).integer(item.itemId()).text(item.label()).text(item.abbreviation())
                    .text(item.dbsource()).text(item.linksto()).text(item.category()).text(item.unitName())
                    .text(item.paramType()).empty().end();
        }
        TableWriter labs = files.writer(MimicTable.D_LABITEMS);
        for (LabItem item : catalogue.labItems()) {
            labs.integer(labs.nextRowId()).integer(item.itemId()).text(item.label()).text(item.fluid())
                    .text(item.category()).text(item.loincCode()).end();
        }
        codes(catalogue.diagnoses(), files.writer(MimicTable.D_ICD_DIAGNOSES));
        codes(catalogue.procedures(), files.writer(MimicTable.D_ICD_PROCEDURES));
    }

    private static void codes(Iterable<IcdCode> codes, TableWriter out) throws IOException {
        for (IcdCode code : codes) {
            out.integer(out.nextRowId()).text(code.code()).text(code.shortTitle()).text(code.longTitle()).end();
        }
    }
}
