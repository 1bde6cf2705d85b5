/**
 * Panel sections in display order; the values are the `data-section` attributes tests and settings use.
 * Kept apart from schema.ts (which builds zod schemas at load) so the panel bundle can import it
 * without pulling in zod.
 */
export const SECTION_NAMES = ['header', 'timeline', 'glance', 'roles', 'polarity', 'claims', 'co-cited', 'representative', 'citing', 'references', 'similar'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
