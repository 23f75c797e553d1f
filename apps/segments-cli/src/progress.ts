function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** One status line of an import: rows so far (of how many, when known), rate, time left, failures. */
export function progressLine(rows: number, failed: number, total: number | undefined, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? rows / (elapsedMs / 1000) : 0;
  const parts = [
    total ? `${rows}/${total} rows (${Math.floor((100 * Math.min(rows, total)) / total)}%)` : `${rows} rows`,
    `${Math.round(rate)} rows/s`,
  ];
  if (total && rate > 0 && rows < total) parts.push(`ETA ${duration((total - rows) / rate)}`);
  if (failed) parts.push(`${failed} failed`);
  return parts.join(' · ');
}
