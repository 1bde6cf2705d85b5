/** Name of the long-lived port panels and pages open to the background (kept free of zod for small pages). */
export const HUB_PORT = 'citation-hub';
