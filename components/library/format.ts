import { formatCount } from '../shared/format';

/** "1 paper", "1,234 papers". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

const dateFormatter = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });

/** "Mar 3, 2024"; an impossible time gives "unknown date" rather than "Invalid Date". */
export function formatDate(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? 'unknown date' : dateFormatter.format(date);
}

/** ISO date for `<time datetime>`, or undefined when the time is not representable. */
export function isoDate(epochMs: number): string | undefined {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;
const sizeFormatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Binary sizes with one decimal: "0 bytes", "12.3 MB", "1,023 bytes". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatCount(value)} bytes` : `${sizeFormatter.format(value)} ${UNITS[unit]}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const BACKUP_NUDGE_AFTER_DAYS = 30;

/** True when the library has never been backed up, or not for a month. */
export function backupIsOverdue(lastBackupAt: number | null, now: number): boolean {
  return lastBackupAt === null || now - lastBackupAt > BACKUP_NUDGE_AFTER_DAYS * DAY_MS;
}
