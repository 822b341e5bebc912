/** Days as the lifecycle has them: UTC calendar days, `YYYY-MM-DD` (end of life, revocation, SCS-0102's dates). */

/** Today's date in UTC, `YYYY-MM-DD` (end-of-life and revocation dates are UTC days, as SCS-0102 has them). */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A calendar date `YYYY-MM-DD` (a real day). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
