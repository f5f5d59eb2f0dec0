/** How fast the fake model answers one kind of request. */
export type Pace = {
  /** Milliseconds from the request to the first token (for a JSON answer: to the first byte). */
  firstTokenMs: number;
  /** Output tokens per second after the first one. */
  tokensPerSecond: number;
};

/**
 * A latency profile for the fake OpenAI server, per kind of answer: `plain` (a JSON completion
 * without a response format), `structured` (a JSON completion with `response_format`) and
 * `streamed` (`stream: true`; chunks are paced one after the other).
 */
export type LatencyProfile = { plain: Pace; structured: Pace; streamed: Pace };

const same = (pace: Pace): LatencyProfile => ({ plain: pace, structured: pace, streamed: pace });

/** The named profiles `npm run bench:llm -- --profile NAME` accepts. */
export const LATENCY_PROFILES = {
  /** No delay at all: the fake answers as fast as the loopback allows. */
  instant: same({ firstTokenMs: 0, tokensPerSecond: Infinity }),
  /** A hosted small model: 400 ms to the first token, then 80 tokens a second. */
  'hosted-small': same({ firstTokenMs: 400, tokensPerSecond: 80 }),
} as const satisfies Record<string, LatencyProfile>;

export type ProfileName = keyof typeof LATENCY_PROFILES;

/** True when `name` is one of `LATENCY_PROFILES`. */
export function isProfileName(name: string): name is ProfileName {
  return Object.hasOwn(LATENCY_PROFILES, name);
}

/** Deterministic token counts, about four characters a token like English text. */
export const tokenCount = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

/** Milliseconds the model takes to write `tokens` tokens after the first one at `pace`. */
export function writingMs(pace: Pace, tokens: number): number {
  return Number.isFinite(pace.tokensPerSecond) ? (tokens * 1000) / pace.tokensPerSecond : 0;
}

/**
 * The pace of a request's answer under `profile`.
 * @example paceOf(LATENCY_PROFILES['hosted-small'], { stream: true }).firstTokenMs // 400
 */
export function paceOf(
  profile: LatencyProfile,
  body: { stream?: boolean; response_format?: unknown },
): Pace {
  if (body.stream) return profile.streamed;
  return body.response_format ? profile.structured : profile.plain;
}
