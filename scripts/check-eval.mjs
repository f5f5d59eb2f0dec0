// Prints the eval figures and fails when field accuracy is below the threshold.
import { readFileSync } from 'node:fs';

const [file, min = '0.9'] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, 'utf8'));
const pct = (x) => `${(x * 100).toFixed(1)}%`;
console.log(
  `eval: ${r.items} conversations, field accuracy ${pct(r.fieldAccuracy)}, stage ${pct(r.stageAccuracy)}, booked ${pct(r.bookedAccuracy)}, redundant asks ${r.redundantAsks}`,
);
if (r.fieldAccuracy < Number(min)) {
  console.log(`eval: field accuracy below ${min}`);
  process.exit(1);
}
