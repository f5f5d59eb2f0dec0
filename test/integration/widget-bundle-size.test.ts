import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWidgetBundles } from '../../widget/build-widget-bundles.js';

const KB = 1024;

describe('the widget bundles', () => {
  it('when built for production, then the loader is at most 3 KB gzip and the chat at most 25 KB gzip', async () => {
    const { loader, chat } = await buildWidgetBundles();
    expect(gzipSync(loader).length).toBeLessThanOrEqual(3 * KB);
    expect(gzipSync(chat).length).toBeLessThanOrEqual(25 * KB);
  });

  it('when built, then the loader points at the chat bundle by its content hash', async () => {
    const { loader, chatVersion } = await buildWidgetBundles();
    expect(chatVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(loader).toContain(`/widget/chat.js?v=${chatVersion}`);
  });

  it('when built, then neither bundle writes HTML from strings or defines page-wide CSS variables', async () => {
    const { loader, chat } = await buildWidgetBundles();
    for (const code of [loader, chat]) {
      // Booleans, not the code itself: a failure should not print 50 KB of minified code.
      expect(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(code)).toBe(false);
      expect(code.includes(':root')).toBe(false);
    }
  });
});
