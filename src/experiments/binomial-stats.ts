/** The normal quantile of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of `reached` successes out of `n`; null when n is 0.
 *
 * @example wilsonInterval(50, 100) // { low: 0.4038, high: 0.5962 } (rounded)
 */
export function wilsonInterval(reached: number, n: number): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = reached / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): about 15 significant digits. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  const y = x - 1;
  let a = c[0] ?? 1;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * The probability that the variant's rate beats the control's, with Beta(1, 1) priors: the
 * posteriors are Beta(1 + reached, 1 + n - reached), and P(B > A) is the exact finite sum for an
 * integer first parameter of B (no sampling: the same counts always give the same figure).
 *
 * @example probabilityToBeat({ reached: 30, n: 100 }, { reached: 45, n: 100 }) // ≈ 0.985
 */
export function probabilityToBeat(
  control: { reached: number; n: number },
  variant: { reached: number; n: number },
): number {
  const aA = 1 + control.reached;
  const bA = 1 + control.n - control.reached;
  const aB = 1 + variant.reached;
  const bB = 1 + variant.n - variant.reached;
  let sum = 0;
  for (let i = 0; i < aB; i++) {
    sum += Math.exp(
      logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA),
    );
  }
  return Math.min(1, Math.max(0, sum));
}
