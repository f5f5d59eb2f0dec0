import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/config/load-config.js';
import { siteOnlyPage, siteOrigins } from '../../../src/lead/site-only-page.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';

const ORIGINS = ['https://beacon.example', 'http://localhost:3000'];

describe('siteOnlyPage: only the site’s own http(s) pages are kept', () => {
  it.each([
    ['a page of the site', 'https://beacon.example/pricing', 'https://beacon.example/pricing'],
    [
      'with a query and a fragment',
      'https://beacon.example/pricing?plan=a#top',
      'https://beacon.example/pricing?plan=a#top',
    ],
    ['an upper-case host', 'https://BEACON.example/pricing', 'https://BEACON.example/pricing'],
    [
      'the public address over http',
      'http://localhost:3000/pricing',
      'http://localhost:3000/pricing',
    ],
    ['a javascript: URL', 'javascript:alert(1)//pricing', null],
    ['a data: URL', 'data:text/html,<a href="/pricing">', null],
    ['another site', 'https://evil.example/pricing', null],
    ['a look-alike host', 'https://beacon.example.evil.example/pricing', null],
    ['credentials before the host', 'https://beacon.example@evil.example/pricing', null],
    ['the site over another scheme', 'http://beacon.example/pricing', null],
    ['the site on another port', 'https://beacon.example:8443/pricing', null],
    ['an ftp URL', 'ftp://beacon.example/pricing', null],
    ['a relative path', '/pricing', null],
    ['not a URL', 'pricing page', null],
    ['no page', null, null],
  ])('%s', (_name, page, kept) => {
    expect(siteOnlyPage(page, ORIGINS)).toBe(kept);
  });
});

describe('siteOrigins', () => {
  it('are the company website, the public address and the explicit allowed origins', () => {
    const config = parseConfig({
      company: { website: 'https://beacon.example/home' },
      server: {
        publicUrl: 'https://chat.beacon.example/',
        allowedOrigins: ['https://www.beacon.example', '*', 'not a url'],
      },
    });
    expect(siteOrigins(config)).toEqual([
      'https://beacon.example',
      'https://chat.beacon.example',
      'https://www.beacon.example',
    ]);
  });
});

describe('the /pricing signal', () => {
  const config = defaultConfig();
  it.each([
    ['an http(s) pricing page', 'https://beacon.example/pricing', 10],
    ['a javascript: "page" stored before pages were checked', 'javascript:alert(1)//pricing', 0],
    ['a data: "page"', 'data:,/pricing', 0],
  ])('%s scores %i', (_name, page, points) => {
    const s = scoreLead({}, { ...DEFAULT_VISITOR, page }, config.scoring, config.currency);
    expect(s.score).toBe(points);
  });
});
