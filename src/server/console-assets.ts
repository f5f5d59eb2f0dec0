import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
// Types only: esbuild itself is loaded on demand (a dev dependency).
import type { build as esbuildBuild } from 'esbuild';

/** The console's browser scripts: `src/console/client/pages/<name>.ts` served as `<name>.js`. */
export type ConsoleAssets = { get(name: string): Promise<string | null> };

export const CONSOLE_PAGES_DIR = fileURLToPath(
  new URL('../console/client/pages/', import.meta.url),
);
export const DEFAULT_CONSOLE_DIST = fileURLToPath(new URL('../../dist/console/', import.meta.url));
const NAME = /^[a-z][a-z0-9-]{0,40}$/;

/**
 * The console pages' scripts, built like the widget (widget-assets.ts): with esbuild in memory
 * on first request when it can be loaded (dev, tests), else read from `dist/console/`
 * (`npx tsx scripts/build-widget.ts` writes them). Each page's script is one ES module bundle.
 *
 * @example const js = await createConsoleAssets().get('inbox'); // null for an unknown page
 */
export function createConsoleAssets(distDir = DEFAULT_CONSOLE_DIST): ConsoleAssets {
  const cache = new Map<string, Promise<string | null>>();
  const load = async (name: string): Promise<string | null> => {
    let build: typeof esbuildBuild;
    try {
      ({ build } = await import('esbuild'));
    } catch {
      // esbuild is a dev dependency: a production install serves the prebuilt files.
      return readFile(`${distDir}/${name}.js`, 'utf8').catch(() => null);
    }
    return buildConsolePage(build, name);
  };
  return {
    get(name) {
      if (!NAME.test(name)) return Promise.resolve(null);
      let pending = cache.get(name);
      if (pending === undefined) {
        pending = load(name).catch((e: unknown) => {
          cache.delete(name); // a fixed build error heals at the next request
          throw e;
        });
        cache.set(name, pending);
      }
      return pending;
    },
  };
}

/** Bundles one console page script, or null when there is no such page. */
export async function buildConsolePage(
  build: typeof esbuildBuild,
  name: string,
): Promise<string | null> {
  const entry = `${CONSOLE_PAGES_DIR}${name}.ts`;
  const exists = await readFile(entry, 'utf8').then(
    () => true,
    () => false,
  );
  if (!exists) return null;
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15.4', 'edge100'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? null;
}

/**
 * `GET /console/assets/<name>.js`: the console pages' scripts (public code, no session needed;
 * the data they read is behind the session).
 *
 * @example app.use(consoleAssetsRouter(createConsoleAssets()));
 */
export function consoleAssetsRouter(assets: ConsoleAssets): Router {
  const router = Router();
  router.get('/console/assets/:file', async (req, res, next) => {
    const match = /^(.+)\.js$/.exec(req.params.file);
    const js = match?.[1] === undefined ? null : await assets.get(match[1]).catch(next);
    if (js === undefined) return;
    if (js === null) return void res.status(404).type('text').send('No such console script.');
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(js);
  });
  return router;
}
