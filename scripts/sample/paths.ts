import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/*
 * Where the sample builders read and write, computed from this file's location so the scripts run
 * from any working directory and never carry machine paths. The read-only shared material sits
 * beside the repository (`../shared` from the repo root).
 */
const HERE = dirname(fileURLToPath(import.meta.url));

export const SAMPLE_REPO_ROOT = resolve(HERE, '..', '..');
export const SAMPLE_SHARED_DIR = resolve(HERE, '..', '..', '..', 'shared');
export const SAMPLE_REFERENCE_DIR = resolve(SAMPLE_SHARED_DIR, 'reference');
export const SAMPLE_ARXIV_PAGES_DIR = resolve(SAMPLE_SHARED_DIR, 'fixtures', 'arxiv-pages');

export const SAMPLE_FIXTURES_DIR = resolve(SAMPLE_REPO_ROOT, 'tests', 'fixtures', 'sample');
export const SAMPLE_DATASET_FILE = resolve(SAMPLE_FIXTURES_DIR, 's2-dataset.json');
export const SAMPLE_PAGES_DIR = resolve(SAMPLE_FIXTURES_DIR, 'pages');
