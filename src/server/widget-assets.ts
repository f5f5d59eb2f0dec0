import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleVersion } from '../../widget/bundle-version.js';
// Types only: the module itself is loaded on demand (esbuild is a dev dependency).
import type * as WidgetBuild from '../../widget/build-widget-bundles.js';

/** The two widget bundles as served: the loader (`/widget.js`) and the chat (`/widget/chat.js`). */
export type WidgetBundles = { loader: string; chat: string; chatVersion: string };

/** Supplies the bundles; the app asks on each request, the provider caches. */
export type WidgetAssets = { get(): Promise<WidgetBundles> };

export const DEFAULT_WIDGET_DIST = fileURLToPath(new URL('../../dist/widget/', import.meta.url));

/**
 * Where the bundles come from:
 * - `build`: esbuild in memory, once, on the first request (no build step before `npm start`
 *   or the tests, and never stale while developing);
 * - `dist`: the files `scripts/build-widget.ts` wrote (`widget.js`, `chat.js`), for
 *   deployments installed without dev dependencies;
 * - `auto` (default): `build` when esbuild can be loaded, else `dist`.
 *
 * @example createApp({ ...deps, widget: createWidgetAssets({ mode: 'dist' }) })
 */
export function createWidgetAssets(
  opts: { mode?: 'auto' | 'build' | 'dist'; distDir?: string } = {},
): WidgetAssets {
  const mode = opts.mode ?? 'auto';
  const distDir = opts.distDir ?? DEFAULT_WIDGET_DIST;
  let pending: Promise<WidgetBundles> | null = null;

  const load = async (): Promise<WidgetBundles> => {
    if (mode === 'dist') return readDist(distDir);
    let build: typeof WidgetBuild;
    try {
      build = await import('../../widget/build-widget-bundles.js');
    } catch (e) {
      if (mode === 'build') throw e;
      // esbuild is a dev dependency: a production install serves the prebuilt files.
      return readDist(distDir);
    }
    return build.buildWidgetBundles();
  };

  return {
    get() {
      // A failed load is not cached, so fixing the cause (a build error, a missing dist) heals.
      pending ??= load().catch((e: unknown) => {
        pending = null;
        throw e;
      });
      return pending;
    },
  };
}

async function readDist(dir: string): Promise<WidgetBundles> {
  const [loader, chat] = await Promise.all([
    readFile(`${dir}/widget.js`, 'utf8'),
    readFile(`${dir}/chat.js`, 'utf8'),
  ]);
  return { loader, chat, chatVersion: bundleVersion(chat) };
}
