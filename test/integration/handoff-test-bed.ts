import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { tempDirForTest, type TempDir } from '../helpers/temp-dir-for-test.js';
import { fakeClock, SECRET, type FakeClock } from '../unit/handoff/handoff-fixtures.js';

export type HandoffTestBed = { crm: CrmReceiver; data: TempDir; clock: FakeClock };

/**
 * What a handoff integration test starts from: a CRM receiver on a free port that verifies
 * with SECRET, an empty data folder, and a clock that moves only when told. The receiver
 * closes and the folder is removed when the test ends; call it in a test or a `beforeEach`.
 *
 * @example beforeEach(async () => ({ crm, data, clock } = await startHandoffTestBed()));
 */
export async function startHandoffTestBed(): Promise<HandoffTestBed> {
  return {
    crm: closeAfterTest(await startCrmReceiver({ secrets: [SECRET] })),
    data: tempDirForTest('leadbot-handoff-'),
    clock: fakeClock(),
  };
}
