/** What the bench's server process reports about itself. */
export type ServerProbe = {
  /** Resident set size, bytes. */
  rss: number;
  heapUsed: number;
  /** Off-heap memory: Buffers and ArrayBuffers (socket buffers live there), bytes. */
  external: number;
  /** CPU time (user + system) since the previous probe, ms, and its system (kernel) part. */
  cpuMs: number;
  cpuSystemMs: number;
  /** Event-loop delay since the previous probe: the 99th percentile and the worst, ms. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Garbage-collection pauses since the previous probe: their sum and the longest, ms. */
  gcTotalMs: number;
  gcMaxMs: number;
  /** Full (mark-compact) collections since the last probe. */
  gcFull: number;
  /**
   * The rules server's own time per visitor turn since the previous probe (from the gateway's
   * call into the chat service to the reply's first message), ms; NaN for the echo server.
   */
  serverTurnP50Ms: number;
  serverTurnP99Ms: number;
  /** Logged warnings and errors since start, and the first few errors. */
  warnings: number;
  errors: number;
  firstErrors: string[];
};

/** Parent -> server process. `collect` runs the garbage collector before measuring memory. */
export type ParentMessage = { type: 'probe'; id: number; collect: boolean } | { type: 'stop' };

/** Server process -> parent. */
export type ChildMessage =
  { type: 'ready'; url: string } | { type: 'probe'; id: number; probe: ServerProbe };
