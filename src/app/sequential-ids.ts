import { randomUUID } from 'node:crypto';

/** Repeatable ids for tests and the eval: "<prefix>-1", "<prefix>-2", ... */
export function sequentialIds(prefix: string): () => string {
  let n = 0;
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return () => `${safe}-${++n}`;
}

/** Random ids for production. */
export const randomIds = (): string => randomUUID();
