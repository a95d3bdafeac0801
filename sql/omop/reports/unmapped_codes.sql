-- omop_unmapped_codes: the 25 most frequent unmapped source codes of each CDM field and source
-- vocabulary, with their row counts and their share of that field's rows.
WITH counted AS (
  SELECT cdm_table, cdm_field, source_vocabulary, coalesce(source_value, '(empty)') AS source_code,
         concept_id = 0 AS unmapped, count(*) AS rows
  FROM work.omop_mapped_values
  GROUP BY cdm_table, cdm_field, source_vocabulary, coalesce(source_value, '(empty)'), concept_id = 0
), with_totals AS (
  SELECT *, sum(rows) OVER (PARTITION BY cdm_table, cdm_field, source_vocabulary) AS field_rows
  FROM counted
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY cdm_table, cdm_field, source_vocabulary
                               ORDER BY rows DESC, source_code) AS rank
  FROM with_totals
  WHERE unmapped
)
SELECT cdm_table, cdm_field, source_vocabulary, CAST(rank AS INT) AS rank, source_code, rows,
       round(rows / field_rows, 4) AS share_of_rows
FROM ranked
WHERE rank <= 25
