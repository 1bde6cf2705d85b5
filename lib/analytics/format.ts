/**
 * "1800" -> "1,800". Written out rather than `toLocaleString` so the rule text shown in the
 * panel (and asserted in tests) is identical in every browser locale and in Node.
 */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.8349 -> "83 %". Floored, so a share just under a threshold never prints as the threshold. */
export function formatPercent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)} %`;
}
