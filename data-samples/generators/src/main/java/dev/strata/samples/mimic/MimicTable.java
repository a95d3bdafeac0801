package dev.strata.samples.mimic;

import java.util.List;
import java.util.Locale;

/**
 * The 23 tables of MIMIC-III v1.4 that the generator writes, in the order it reports them, each with
 * its real column names in their real order (as in MIT-LCP's PostgreSQL build scripts and the header
 * lines of the distributed CSV files).
 */
public enum MimicTable {
    PATIENTS("ROW_ID", "SUBJECT_ID", "GENDER", "DOB", "DOD", "DOD_HOSP", "DOD_SSN", "EXPIRE_FLAG"),
    ADMISSIONS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ADMITTIME", "DISCHTIME", "DEATHTIME", "ADMISSION_TYPE",
            "ADMISSION_LOCATION", "DISCHARGE_LOCATION", "INSURANCE", "LANGUAGE", "RELIGION", "MARITAL_STATUS",
            "ETHNICITY", "EDREGTIME", "EDOUTTIME", "DIAGNOSIS", "HOSPITAL_EXPIRE_FLAG", "HAS_CHARTEVENTS_DATA"),
    ICUSTAYS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "DBSOURCE", "FIRST_CAREUNIT", "LAST_CAREUNIT",
            "FIRST_WARDID", "LAST_WARDID", "INTIME", "OUTTIME", "LOS"),
    TRANSFERS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "DBSOURCE", "EVENTTYPE", "PREV_CAREUNIT",
            "CURR_CAREUNIT", "PREV_WARDID", "CURR_WARDID", "INTIME", "OUTTIME", "LOS"),
    SERVICES("ROW_ID", "SUBJECT_ID", "HADM_ID", "TRANSFERTIME", "PREV_SERVICE", "CURR_SERVICE"),
    CAREGIVERS("ROW_ID", "CGID", "LABEL", "DESCRIPTION"),
    DIAGNOSES_ICD("ROW_ID", "SUBJECT_ID", "HADM_ID", "SEQ_NUM", "ICD9_CODE"),
    PROCEDURES_ICD("ROW_ID", "SUBJECT_ID", "HADM_ID", "SEQ_NUM", "ICD9_CODE"),
    CPTEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "COSTCENTER", "CHARTDATE", "CPT_CD", "CPT_NUMBER", "CPT_SUFFIX",
            "TICKET_ID_SEQ", "SECTIONHEADER", "SUBSECTIONHEADER", "DESCRIPTION"),
    PRESCRIPTIONS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "STARTDATE", "ENDDATE", "DRUG_TYPE", "DRUG",
            "DRUG_NAME_POE", "DRUG_NAME_GENERIC", "FORMULARY_DRUG_CD", "GSN", "NDC", "PROD_STRENGTH", "DOSE_VAL_RX",
            "DOSE_UNIT_RX", "FORM_VAL_DISP", "FORM_UNIT_DISP", "ROUTE"),
    LABEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ITEMID", "CHARTTIME", "VALUE", "VALUENUM", "VALUEUOM", "FLAG"),
    CHARTEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "ITEMID", "CHARTTIME", "STORETIME", "CGID",
            "VALUE", "VALUENUM", "VALUEUOM", "WARNING", "ERROR", "RESULTSTATUS", "STOPPED"),
    MICROBIOLOGYEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "CHARTDATE", "CHARTTIME", "SPEC_ITEMID", "SPEC_TYPE_DESC",
            "ORG_ITEMID", "ORG_NAME", "ISOLATE_NUM", "AB_ITEMID", "AB_NAME", "DILUTION_TEXT", "DILUTION_COMPARISON",
            "DILUTION_VALUE", "INTERPRETATION"),
    OUTPUTEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "CHARTTIME", "ITEMID", "VALUE", "VALUEUOM",
            "STORETIME", "CGID", "STOPPED", "NEWBOTTLE", "ISERROR"),
    INPUTEVENTS_MV("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "STARTTIME", "ENDTIME", "ITEMID", "AMOUNT",
            "AMOUNTUOM", "RATE", "RATEUOM", "STORETIME", "CGID", "ORDERID", "LINKORDERID", "ORDERCATEGORYNAME",
            "SECONDARYORDERCATEGORYNAME", "ORDERCOMPONENTTYPEDESCRIPTION", "ORDERCATEGORYDESCRIPTION",
            "PATIENTWEIGHT", "TOTALAMOUNT", "TOTALAMOUNTUOM", "ISOPENBAG", "CONTINUEINNEXTDEPT", "CANCELREASON",
            "STATUSDESCRIPTION", "COMMENTS_EDITEDBY", "COMMENTS_CANCELEDBY", "COMMENTS_DATE", "ORIGINALAMOUNT",
            "ORIGINALRATE"),
    INPUTEVENTS_CV("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "CHARTTIME", "ITEMID", "AMOUNT", "AMOUNTUOM",
            "RATE", "RATEUOM", "STORETIME", "CGID", "ORDERID", "LINKORDERID", "STOPPED", "NEWBOTTLE",
            "ORIGINALAMOUNT", "ORIGINALAMOUNTUOM", "ORIGINALROUTE", "ORIGINALRATE", "ORIGINALRATEUOM",
            "ORIGINALSITE"),
    NOTEEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "CHARTDATE", "CHARTTIME", "STORETIME", "CATEGORY", "DESCRIPTION",
            "CGID", "ISERROR", "TEXT"),
    D_ITEMS("ROW_ID", "ITEMID", "LABEL", "ABBREVIATION", "DBSOURCE", "LINKSTO", "CATEGORY", "UNITNAME", "PARAM_TYPE",
            "CONCEPTID"),
    D_LABITEMS("ROW_ID", "ITEMID", "LABEL", "FLUID", "CATEGORY", "LOINC_CODE"),
    D_ICD_DIAGNOSES("ROW_ID", "ICD9_CODE", "SHORT_TITLE", "LONG_TITLE"),
    D_ICD_PROCEDURES("ROW_ID", "ICD9_CODE", "SHORT_TITLE", "LONG_TITLE"),
    DRGCODES("ROW_ID", "SUBJECT_ID", "HADM_ID", "DRG_TYPE", "DRG_CODE", "DESCRIPTION", "DRG_SEVERITY",
            "DRG_MORTALITY"),
    DATETIMEEVENTS("ROW_ID", "SUBJECT_ID", "HADM_ID", "ICUSTAY_ID", "ITEMID", "CHARTTIME", "STORETIME", "CGID",
            "VALUE", "VALUEUOM", "WARNING", "ERROR", "RESULTSTATUS", "STOPPED");

    private final List<String> columns;

    MimicTable(String... columns) {
        this.columns = List.of(columns);
    }

    /** The column names, upper case as in the MIMIC-III v1.4 distribution. */
    public List<String> columns() {
        return columns;
    }

    /** The file name, {@code ADMISSIONS.csv} or {@code ADMISSIONS.csv.gz}. */
    public String fileName(boolean gzip) {
        return name() + (gzip ? ".csv.gz" : ".csv");
    }

    /**
     * The header line without its line end: {@code "ROW_ID","SUBJECT_ID",...} as in the MIMIC-III v1.4
     * files, or {@code row_id,subject_id,...} as in the public demo, lower case and bare.
     */
    public String header(boolean lowerCase) {
        StringBuilder line = new StringBuilder();
        for (String column : columns) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(lowerCase ? column.toLowerCase(Locale.ROOT) : '"' + column + '"');
        }
        return line.toString();
    }
}
