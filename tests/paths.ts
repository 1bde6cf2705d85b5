import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** Repository root and the read-only shared material beside it (never machine paths). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const S2_FIXTURES = resolve(SHARED_DIR, 'fixtures', 's2-recorded');
export const ARXIV_PAGES = resolve(SHARED_DIR, 'fixtures', 'arxiv-pages');
export const DATASETS = resolve(SHARED_DIR, 'datasets');
export const REFERENCE = resolve(SHARED_DIR, 'reference');
