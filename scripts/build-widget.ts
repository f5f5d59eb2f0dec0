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
