import { describe, expect, it } from 'vitest';
import { collectVisitorContext } from '../../widget/chat/visitor-context.js';
import { readFirstTouch, recordFirstTouch } from '../../widget/shared/first-touch.js';
import { readEmbedConfig } from '../../widget/shared/embed-config.js';
import { memoryStore } from '../helpers/fake-widget-socket.js';

const PAGE = 'https://www.halden.example/pricing';
const script = (
  dataset: Record<string, string>,
  src = 'https://chat.beacon.example/widget.js',
) => ({ src, dataset });

describe('the embed settings read from the script tag', () => {
  it.each([
    [
      'no data attributes',
      {},
      { color: '#4f46e5', onColor: '#ffffff', position: 'right', title: 'Chat with us' },
    ],
    ['a dark colour', { color: '#0F766E' }, { color: '#0F766E', onColor: '#ffffff' }],
    ['a light colour', { color: '#fde68a' }, { color: '#fde68a', onColor: '#111111' }],
    ['a short hex colour', { color: '#fc0' }, { color: '#ffcc00', onColor: '#111111' }],
    ['a colour that is not hex', { color: 'red; background: url(x)' }, { color: '#4f46e5' }],
    ['the left side', { position: 'left' }, { position: 'left' }],
    ['an unknown side', { position: 'top' }, { position: 'right' }],
    ['a title', { title: '  Ask Halden  ' }, { title: 'Ask Halden' }],
    ['a blank title', { title: '   ' }, { title: 'Chat with us' }],
  ])(
    'when the tag has %s, then the widget uses the expected settings',
    (_case, dataset, expected) => {
      expect(readEmbedConfig(script(dataset), PAGE)).toMatchObject(expected);
    },
  );

  it('when the script comes from the leadbot server, then the widget connects to that origin, not the page', () => {
    expect(readEmbedConfig(script({}), PAGE).origin).toBe('https://chat.beacon.example');
  });

  it('when the page uses a relative src, then the origin is the page origin', () => {
    expect(readEmbedConfig(script({}, '/widget.js'), PAGE).origin).toBe(
      'https://www.halden.example',
    );
  });
});

describe('the visitor context reported at hello', () => {
  const landing = {
    href: 'https://www.halden.example/?utm_source=newsletter&utm_campaign=spring&ref=abc',
    referrer: 'https://search.example/results',
    language: 'en-GB',
    timeZone: 'Europe/London',
  };

  it('when the visitor lands from a campaign, then the UTM parameters, referrer, page, locale and time zone are reported', () => {
    expect(collectVisitorContext(landing, memoryStore(), 'ft')).toEqual({
      timezone: 'Europe/London',
      locale: 'en-GB',
      page: landing.href,
      referrer: 'https://search.example/results',
      utm: { utm_source: 'newsletter', utm_campaign: 'spring' },
    });
  });

  it('when the visitor moves to another page of the site, then the first touch is still reported with the new page', () => {
    const session = memoryStore();
    collectVisitorContext(landing, session, 'ft');
    const later = collectVisitorContext(
      {
        ...landing,
        href: 'https://www.halden.example/pricing',
        referrer: 'https://www.halden.example/',
      },
      session,
      'ft',
    );
    expect(later).toMatchObject({
      page: 'https://www.halden.example/pricing',
      referrer: 'https://search.example/results',
      utm: { utm_source: 'newsletter' },
    });
  });

  it('when the landing URL has no UTM parameters and no referrer, then both are null', () => {
    expect(
      collectVisitorContext(
        { ...landing, href: 'https://www.halden.example/', referrer: '' },
        memoryStore(),
        'ft',
      ),
    ).toMatchObject({ referrer: null, utm: null });
  });

  it('when values are longer than the server accepts, then they are clipped instead of getting hello refused', () => {
    const long = `https://www.halden.example/?utm_source=${'s'.repeat(400)}&q=${'x'.repeat(3000)}`;
    const ctx = collectVisitorContext({ ...landing, href: long }, memoryStore(), 'ft');
    expect(ctx.page?.length).toBe(2048);
    expect(ctx.utm?.utm_source?.length).toBe(256);
  });

  it('when the browser reports no time zone or language, then UTC and en-US are used', () => {
    expect(
      collectVisitorContext(
        { ...landing, timeZone: undefined, language: undefined },
        memoryStore(),
        'ft',
      ),
    ).toMatchObject({ timezone: 'UTC', locale: 'en-US' });
  });

  it('when the loader recorded the landing page, then a hello pages later reports its campaign and referrer with the current page', () => {
    const session = memoryStore();
    recordFirstTouch(landing, session, 'ft'); // the loader, on the landing page
    recordFirstTouch(
      {
        href: 'https://www.halden.example/features?utm_source=other',
        referrer: 'https://elsewhere.example/',
      },
      session,
      'ft',
    ); // the next page: never overwrites
    const ctx = collectVisitorContext(
      {
        ...landing,
        href: 'https://www.halden.example/pricing',
        referrer: 'https://www.halden.example/features',
      },
      session,
      'ft',
    );
    expect(ctx).toMatchObject({
      page: 'https://www.halden.example/pricing',
      referrer: 'https://search.example/results',
      utm: { utm_source: 'newsletter', utm_campaign: 'spring' },
    });
  });

  it("when the landing page's referrer is the site itself, then no referrer is recorded", () => {
    const session = memoryStore();
    recordFirstTouch(
      { href: 'https://www.halden.example/pricing', referrer: 'https://www.halden.example/' },
      session,
      'ft',
    );
    expect(readFirstTouch(landing, session, 'ft')).toEqual({ referrer: null, utm: null });
  });

  it('when the stored first touch is corrupt, then it is replaced by the current page', () => {
    const ctx = collectVisitorContext(landing, memoryStore({ ft: '{not json' }), 'ft');
    expect(ctx.utm).toEqual({ utm_source: 'newsletter', utm_campaign: 'spring' });
  });
});
