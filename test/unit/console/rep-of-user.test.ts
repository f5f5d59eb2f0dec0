import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { repOfUser } from '../../../src/console/users/rep-of-user.js';

const config = parseConfig({
  booking: {
    reps: [
      { id: 'ana', name: 'Ana', email: 'Ana@Beacon.example' },
      { id: 'bo', name: 'Bo', email: 'bo@beacon.example' },
    ],
  },
});

describe('repOfUser', () => {
  it.each([
    ['ana@beacon.example', 'ana'],
    ['BO@beacon.example', 'bo'],
    ['cy@beacon.example', null],
  ])('links the user %s to rep %s', (email, rep) => {
    expect(repOfUser(config, { email })?.id ?? null).toBe(rep);
  });
});
