-- location: MIMIC-III holds no patient addresses; the one location is the hospital the data comes from.
SELECT CAST(1 AS BIGINT)                 AS location_id,
       CAST(NULL AS STRING)              AS address_1,
       CAST(NULL AS STRING)              AS address_2,
       'Boston'                          AS city,
       'MA'                              AS state,
       '02215'                           AS zip,
       'Suffolk'                         AS county,
       'Beth Israel Deaconess Medical Center' AS location_source_value,
       CAST(0 AS INT)                    AS country_concept_id,
       'United States of America'        AS country_source_value,
       CAST(NULL AS DOUBLE)              AS latitude,
       CAST(NULL AS DOUBLE)              AS longitude
