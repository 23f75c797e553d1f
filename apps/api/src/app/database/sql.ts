/** SQL fragments shared by the statements of every feature (trusted text: callers pass column names, never input). */

/**
 * A timestamp column selected as ISO-8601 UTC text with milliseconds, as `Date.toISOString()` writes it.
 * Long lists select their timestamps this way: parsing them into Dates and formatting them again took a
 * large share of a long page's CPU (measured: tools/bench/results/history.md).
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `created_at` and `modified_at` of the table alias `alias` as ISO text (`isoTimestampSql`), under their own names. */
export function isoTimestampColumns(alias: string): string {
  return ['created_at', 'modified_at']
    .map((column) => `${isoTimestampSql(`${alias}.${column}`)} AS ${column}`)
    .join(', ');
}
