import { describe, expect, it } from 'vitest';
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths';
import { PANEL_DEFAULT_SETTINGS } from '../../components/app/usePanelPrefs';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

/*
 * Every arXiv abstract page imports the panel bundle before it can show anything. Importing full
 * zod there (through lib/settings/schema, lib/domain or lib/messaging/protocol) doubled the bundle
 * (86 kB → 160 kB) and its start-up; the panel spells out the few constants it needs instead.
 */
/** Vite's `?inline` CSS import (the panel bundle carries its stylesheet as a string). */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(builder) {
    builder.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/^@\//, `${REPO_ROOT}/`).replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

describe('panel start-up', () => {
  it('the panel bundle does not pull in full zod or the request schemas', async () => {
    const result = await build({
      entryPoints: [resolve(REPO_ROOT, 'components/app/mountPagePanel.tsx')],
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'esm',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      alias: { '@': REPO_ROOT },
      external: ['wxt/browser'],
      plugins: [inlineCss],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => /node_modules\/zod\/(v4\/classic|index\.js)/.test(path))).toEqual([]);
    expect(inputs.filter((path) => /lib\/(settings\/schema|messaging\/protocol|domain\/labels)\.ts$/.test(path))).toEqual([]);
    const bytes = result.outputFiles.reduce((total, file) => total + file.contents.length, 0);
    // ~20 kB of it is the panel's stylesheet.
    expect(bytes).toBeLessThan(140_000);
  });

  it('spells out the same defaults as the settings schema', () => {
    expect(PANEL_DEFAULT_SETTINGS).toEqual({
      autoOpen: DEFAULT_SETTINGS.autoOpen,
      panelSide: DEFAULT_SETTINGS.panelSide,
      panelWidth: DEFAULT_SETTINGS.panelWidth,
      hiddenSections: DEFAULT_SETTINGS.hiddenSections,
    });
  });
});
