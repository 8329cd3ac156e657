// The statistics behind the cue-word rules, kept small enough to check by hand.

/**
 * The two-proportion z statistic with a pooled proportion: how far apart x1/n1 and x2/n2 are,
 * in standard errors, if both came from the same rate. 0 when it is undefined (no variance).
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 0;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (x1 / n1 - x2 / n2) / se;
}

/** Jaccard similarity of two sets: shared over all. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}
