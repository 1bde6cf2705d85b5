/** One formatter for every count in the panel: full numbers with thousands separators ("1,800", never "1.8k"). */
const countFormatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(value: number): string {
  return Number.isFinite(value) ? countFormatter.format(value) : '—';
}

/** Share of a total as a whole percentage; 0 when the total is 0 so empty hubs never show NaN. */
export function percentOf(part: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(part)) return 0;
  return Math.round((part / total) * 100);
}

export function formatPercent(part: number, total: number): string {
  return `${percentOf(part, total)} %`;
}

/** Probability 0..1 as a whole percentage ("87 %"). */
export function formatConfidence(probability: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(probability) ? probability : 0));
  return `${Math.round(clamped * 100)} %`;
}

/** Normalised co-citation strength (0..1) with two decimals. */
export function formatStrength(value: number): string {
  return decimalFormatter.format(Number.isFinite(value) ? value : 0);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 d ago"; floored, as people say "3 h ago" until it is 4. */
export function formatAge(fetchedAt: number, now: number): string {
  const age = Math.max(0, now - fetchedAt);
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  return `${formatCount(Math.floor(age / DAY))} d ago`;
}

/** Seconds left until `until`, rounded up so the countdown reaches 0 only when the time has come. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** "42 s", "2 min 05 s", "1 h 03 min". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  }
  const hours = Math.floor(seconds / 3600);
  return `${hours} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}
