import { readFileSync } from 'node:fs';
import { parseCorpus } from '../../src/eval/corpus-schema.js';
import { alwaysRightModel } from './always-right-model.js';
import { emptyExtraction, isExtractRequest } from './fake-extraction.js';
import { startFakeOpenAiServer } from './fake-openai-server.js';

/**
 * Serves a fake model for `npm run eval -- <file> --mode llm` until interrupted, printing its URL:
 *   npx tsx test/fakes/serve-fake-model.ts <file.jsonl>   # always right about that labelled file
 *   npx tsx test/fakes/serve-fake-model.ts --empty        # finds nothing, phrases each draft as is
 * then `LLM_BASE_URL=<url> LLM_MODEL=fake npm run eval -- <file.jsonl> --mode llm`.
 */
const arg = process.argv[2];
if (arg === undefined) {
  process.stderr.write('usage: tsx test/fakes/serve-fake-model.ts <file.jsonl> | --empty\n');
  process.exit(2);
}
const fake = await startFakeOpenAiServer();
if (arg === '--empty') {
  const drafts = alwaysRightModel([]);
  fake.always((request) =>
    isExtractRequest(request)
      ? { type: 'content', content: JSON.stringify(emptyExtraction()) }
      : drafts(request),
  );
} else {
  fake.always(alwaysRightModel(parseCorpus(readFileSync(arg, 'utf8'))));
}
process.stdout.write(`${fake.url}\n`);
