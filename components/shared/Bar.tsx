import { formatCount, percentOf } from './format';

export interface BarSegment {
  key: string;
  label: string;
  value: number;
  /** CSS modifier naming the colour, e.g. "background" -> `.ch-bar-seg--background`. */
  tone: string;
}

/**
 * A stacked horizontal bar. The drawing is decorative; screen readers get one `role="img"` whose
 * name lists every value, so the chart never depends on colour alone (the legend repeats it in text).
 */
export function Bar({ label, segments }: { label: string; segments: readonly BarSegment[] }) {
  const total = segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0);
  const description = `${label}: ${segments
    .map((segment) => `${segment.label} ${formatCount(segment.value)} (${percentOf(segment.value, total)} %)`)
    .join(', ')}`;
  return (
    <div class="ch-bar" role="img" aria-label={total > 0 ? description : `${label}: no data yet`}>
      {total > 0
        ? segments
            .filter((segment) => segment.value > 0)
            .map((segment) => (
              <span
                key={segment.key}
                class={`ch-bar-seg ch-tone--${segment.tone}`}
                style={{ flexGrow: segment.value, flexBasis: 0 }}
                title={`${segment.label}: ${formatCount(segment.value)}`}
              />
            ))
        : null}
    </div>
  );
}
