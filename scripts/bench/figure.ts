/** One printed benchmark figure: `name: value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function formatFigure({ name, value, unit }: Figure): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 4 : 2);
  return `${name}: ${shown} ${unit}`;
}
