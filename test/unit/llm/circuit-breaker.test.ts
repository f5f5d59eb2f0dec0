import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../../src/llm/circuit-breaker.js';

function breakerAt(start = 0) {
  let t = start;
  const breaker = createCircuitBreaker({ threshold: 3, cooldownMs: 30_000, now: () => t });
  return { breaker, advance: (ms: number) => void (t += ms) };
}

describe('the circuit breaker', () => {
  it('when fewer failures in a row than the threshold happen, then calls keep flowing', () => {
    const { breaker } = breakerAt();
    breaker.failure();
    breaker.failure();
    expect(breaker.allow()).toBe(true);
    expect(breaker.state()).toBe('closed');
  });

  it('when a success comes between failures, then the count starts over', () => {
    const { breaker } = breakerAt();
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    expect(breaker.allow()).toBe(true);
  });

  it('when the threshold of failures in a row is reached, then the LLM is skipped for the cool-down', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure();
    expect(breaker.state()).toBe('open');
    expect(breaker.allow()).toBe(false);
    advance(29_999);
    expect(breaker.allow()).toBe(false);
  });

  it('when the cool-down is over, then exactly one trial call goes out', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure();
    advance(30_000);
    expect(breaker.state()).toBe('half_open');
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
  });

  it.each([
    ['succeeds', 'closed', true],
    ['fails', 'open', false],
  ] as const)('when the trial call %s, then the breaker is %s', (_, state, allowed) => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure();
    advance(30_000);
    breaker.allow();
    if (state === 'closed') breaker.success();
    else breaker.failure();
    expect(breaker.state()).toBe(state);
    expect(breaker.allow()).toBe(allowed);
  });

  it('when a trial call goes out and its outcome never arrives, then another trial goes out after the next cool-down', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure();
    advance(30_000);
    expect(breaker.allow()).toBe(true);
    advance(29_999);
    expect(breaker.allow()).toBe(false);
    advance(1);
    expect(breaker.allow()).toBe(true);
  });

  it('when a failed trial re-opens it, then one more trial goes out after the next cool-down, and a success closes it', () => {
    const { breaker, advance } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure();
    advance(30_000);
    breaker.allow();
    breaker.failure();
    expect(breaker.allow()).toBe(false);
    advance(30_000);
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect(breaker.state()).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });

  it('when tripped (a configuration error), then it opens at once for the cool-down, whatever the count', () => {
    const { breaker, advance } = breakerAt();
    breaker.trip();
    expect(breaker.state()).toBe('open');
    expect(breaker.allow()).toBe(false);
    advance(30_000);
    expect(breaker.allow()).toBe(true);
  });

  it('when built with a threshold below one, then it refuses', () => {
    expect(() => createCircuitBreaker({ threshold: 0 })).toThrow(RangeError);
  });
});
