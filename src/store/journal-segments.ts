import { readdirSync } from 'node:fs';

/** A journal segment file: `<10-digit number>.ndjson`, replayed in number order. */
export type Segment = { name: string; seq: number };

const SEGMENT_PATTERN = /^(\d{10})\.ndjson$/;

/** The file name of segment `seq`. */
export const segmentName = (seq: number): string => `${String(seq).padStart(10, '0')}.ndjson`;

/**
 * The segments of a journal folder, oldest first.
 *
 * @example listSegments('./data/conversations/journal') // [{ name: '0000000001.ndjson', seq: 1 }]
 */
export function listSegments(folder: string): Segment[] {
  return readdirSync(folder)
    .flatMap((name) => {
      const seq = segmentSeq(name);
      return seq === null ? [] : [{ name, seq }];
    })
    .sort((a, b) => a.seq - b.seq);
}

/** The number of a segment file's name; null for anything else (the lock, foreign files). */
export function segmentSeq(name: string): number | null {
  const digits = SEGMENT_PATTERN.exec(name)?.[1];
  return digits === undefined ? null : Number(digits);
}
