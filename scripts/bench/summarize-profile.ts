import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const ProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** One function's share of a profile. */
export type ProfileLine = { name: string; where: string; selfMs: number; totalMs: number };

/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and returns the functions with the
 * most time: self time (the function's own code) and total time (with everything it called,
 * counted once even when it recurses). `root` shortens file URLs to repository paths.
 */
export async function summarizeProfile(
  file: string,
  root: string,
): Promise<{ totalMs: number; lines: ProfileLine[] }> {
  const profile = ProfileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );

  const keyOf = (id: number): string => {
    const f = byId.get(id)?.callFrame;
    return f
      ? `${f.functionName || '(anonymous)'}|${shorten(f.url, root)}:${f.lineNumber + 1}`
      : '?';
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  // Walks the call tree once; `open` holds the keys on the current stack, so a recursive
  // function's time is added to its total only at its outermost frame.
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const key = keyOf(id);
    const own = selfUs.get(id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + own);
    const outer = !open.has(key);
    if (outer) open.add(key);
    let sum = own;
    for (const child of node.children ?? []) sum += walk(child, open);
    if (outer) {
      open.delete(key);
      total.set(key, (total.get(key) ?? 0) + sum);
    }
    return sum;
  };
  const root0 = profile.nodes[0];
  const totalUs = root0 ? walk(root0.id, new Set()) : 0;
  const lines = [...total.keys()].map((key) => {
    const [name = '', where = ''] = key.split('|');
    return {
      name,
      where,
      selfMs: (self.get(key) ?? 0) / 1000,
      totalMs: (total.get(key) ?? 0) / 1000,
    };
  });
  return { totalMs: totalUs / 1000, lines };
}

function shorten(url: string, root: string): string {
  const plain = url.replace(/^file:\/\//, '');
  if (plain === '') return '(native)';
  return plain.startsWith(root) ? path.relative(root, plain) : plain;
}
