import { startFakeLlm, type FakeLlm } from '../fakes/fake-llm.js';
import { closeAfterTest } from './close-after-test.js';

/**
 * `startFakeLlm` for one test (LLM mode wired as in production against a fresh fake OpenAI
 * server); the fake closes when the test ends.
 *
 * @example const llm = await fakeLlmForTest({ timeoutMs: 200 });
 */
export async function fakeLlmForTest(
  opts: Parameters<typeof startFakeLlm>[0] = {},
): Promise<FakeLlm> {
  return closeAfterTest(await startFakeLlm(opts));
}
