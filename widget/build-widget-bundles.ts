import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { bundleVersion } from './bundle-version.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Browsers the widget supports: the evergreen ones of the last few years. */
const TARGET = ['chrome100', 'firefox100', 'safari15.4', 'edge100'];

/**
 * CSS is imported as text and put in a <style> of the shadow root: nothing reaches the host
 * page. esbuild's `text` loader keeps the file as written, so minify it as CSS first.
 */
const cssAsMinifiedText: Plugin = {
  name: 'css-as-minified-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: TARGET,
      });
      return { contents: code, loader: 'text' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  write: false,
  platform: 'browser',
  target: TARGET,
  plugins: [cssAsMinifiedText],
  legalComments: 'none',
  logLevel: 'silent',
};

/**
 * Builds the two widget bundles in memory with esbuild: the chat (an ES module with
 * socket.io-client, fetched by the loader with `import()`) and the loader (a classic script,
 * the one-line embed), which has the chat's content hash baked in.
 *
 * @example const { loader, chat } = await buildWidgetBundles(); // minified by default
 */
export async function buildWidgetBundles(
  opts: { minify?: boolean } = {},
): Promise<{ loader: string; chat: string; chatVersion: string }> {
  const minify = opts.minify ?? true;
  const chatOut = await build({
    ...common,
    minify,
    entryPoints: [here('./chat/chat.ts')],
    format: 'esm',
  });
  const chat = outputText(chatOut.outputFiles);
  const chatVersion = bundleVersion(chat);
  const loaderOut = await build({
    ...common,
    minify,
    entryPoints: [here('./loader/loader.ts')],
    format: 'iife',
    define: { __LEADBOT_CHAT_VERSION__: JSON.stringify(chatVersion) },
  });
  return { loader: outputText(loaderOut.outputFiles), chat, chatVersion };
}

function outputText(files: { text: string }[] | undefined): string {
  const first = files?.[0];
  if (!first) throw new Error('esbuild produced no output');
  return first.text;
}
