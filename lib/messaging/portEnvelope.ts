/**
 * The envelope check panels run on every port message from the background. Kept apart from
 * protocol.ts, and on zod/mini, so the panel bundle every arXiv page imports does not carry the
 * request schemas and the full zod build (it parsed and compiled in ~half the panel's start-up).
 */
import * as z from 'zod/mini';

export const PORT_OUT_TYPES = ['hub/snapshot', 'hub/explorer', 'library/changed', 'panel/toggle', 'error'] as const;

/** The shape every port message from the background has; panels check it before use. */
export const PortOutEnvelopeSchema = z.object({ type: z.enum(PORT_OUT_TYPES) });
