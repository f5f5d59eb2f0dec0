import { describe, expect, it } from 'vitest';
import { linkify } from '../../widget/chat/linkify.js';

const SERVER = 'https://chat.beacon.example';

describe('links in agent messages', () => {
  it.each([
    ['plain text', 'What is your role?', [{ text: 'What is your role?' }]],
    [
      'a server path, resolved against the leadbot server',
      'Add it to your calendar: /bookings/b-1.ics',
      [
        { text: 'Add it to your calendar: ' },
        { text: '/bookings/b-1.ics', href: `${SERVER}/bookings/b-1.ics` },
      ],
    ],
    [
      'a full URL followed by a full stop',
      'Read https://beacon.example/guides/lead-qualification.',
      [
        { text: 'Read ' },
        {
          text: 'https://beacon.example/guides/lead-qualification',
          href: 'https://beacon.example/guides/lead-qualification',
        },
        { text: '.' },
      ],
    ],
    [
      'a URL in brackets',
      '(see https://beacon.example)',
      [
        { text: '(see ' },
        { text: 'https://beacon.example', href: 'https://beacon.example/' },
        { text: ')' },
      ],
    ],
    ['a slash inside a word', 'monthly/yearly and 24/7', [{ text: 'monthly/yearly and 24/7' }]],
    ['a javascript: URL', 'click javascript:alert(1)', [{ text: 'click javascript:alert(1)' }]],
    ['a protocol-relative path', 'go //evil.example/x', [{ text: 'go //evil.example/x' }]],
  ])('when the message has %s, then the runs are as expected', (_case, text, runs) => {
    expect(linkify(text, SERVER)).toEqual(runs);
  });
});
