import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { DEFAULT_WIDGET_DIST } from '../src/server/widget-assets.js';
import { buildWidgetBundles } from '../widget/build-widget-bundles.js';

/**
 * Writes the widget bundles to dist/widget/ (widget.js = the loader, chat.js = the chat) for
 * deployments without esbuild; the dev server and the tests build them in memory instead.
 */
const { loader, chat } = await buildWidgetBundles();
await mkdir(DEFAULT_WIDGET_DIST, { recursive: true });
await writeFile(`${DEFAULT_WIDGET_DIST}/widget.js`, loader);
await writeFile(`${DEFAULT_WIDGET_DIST}/chat.js`, chat);
const kb = (s: string): string => `${(gzipSync(s).length / 1024).toFixed(1)} KB gzip`;
process.stdout.write(`dist/widget/widget.js ${kb(loader)}\ndist/widget/chat.js ${kb(chat)}\n`);

// The console pages' scripts beside them (dist/console/<name>.js), for the same deployments.
const { build } = await import('esbuild');
const { readdir } = await import('node:fs/promises');
const { CONSOLE_PAGES_DIR, DEFAULT_CONSOLE_DIST, buildConsolePage } =
  await import('../src/server/console-assets.js');
await mkdir(DEFAULT_CONSOLE_DIST, { recursive: true });
for (const file of await readdir(CONSOLE_PAGES_DIR)) {
  if (!file.endsWith('.ts')) continue;
  const name = file.slice(0, -3);
  const js = await buildConsolePage(build, name);
  if (js !== null) await writeFile(`${DEFAULT_CONSOLE_DIST}/${name}.js`, js);
  if (js !== null) process.stdout.write(`dist/console/${name}.js ${kb(js)}\n`);
}
