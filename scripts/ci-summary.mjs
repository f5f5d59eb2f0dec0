// Reads vitest's JSON report and prints the one line CI reads: "N passed, N failed".
// Each further argument is the exit status of one more check (the shared-corpus eval, the lint).
import { existsSync, readFileSync } from 'node:fs';

const [file, ...statuses] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (file && existsSync(file)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  if (r.success === false && failed === 0) failed = 1;
} else {
  failed = 1;
}
for (const status of statuses) if (status !== '0') failed += 1;
console.log(`${passed} passed, ${failed} failed`);
