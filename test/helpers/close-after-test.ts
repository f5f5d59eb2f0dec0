import { onTestFinished } from 'vitest';

/**
 * Closes what a test (or its `beforeEach`) started once that test ends, passed or failed, and
 * returns it: starting a server, a fake or a socket and arranging its end is one line, where
 * files used to copy a module variable and an `afterEach` (socket.io's tests end with
 * `success(done, io, client)` for the same reason). Later registrations close first.
 *
 * @example const crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
 */
export function closeAfterTest<T extends { close(): unknown }>(resource: T): T {
  onTestFinished(async () => {
    await resource.close();
  });
  return resource;
}
