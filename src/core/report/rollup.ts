// The item table rolled up by bank, moment and stage: where the weak or flawed questions gather.
import { MOMENTS, STAGES } from '../model.js';
import type { ItemRow } from './items.js';
import { round } from './statistics.js';

export interface RollupRow {
  key: string;
  questions: number;
  /** Questions with at least one counted answer. */
  answered: number;
  n: number;
  /** Mean score of every counted answer in the group. */
  facility: number | null;
  /** Mean of the questions' discriminations, where defined. */
  discrimination: number | null;
  /** Questions with a flag other than `few-answers`. */
  flagged: number;
}

export type Rollups = Record<'bank' | 'moment' | 'stage', RollupRow[]>;

export function rollups(rows: readonly ItemRow[]): Rollups {
  return {
    bank: rollupBy(rows, (r) => r.bank, []),
    moment: rollupBy(rows, (r) => r.moment, MOMENTS),
    stage: rollupBy(rows, (r) => r.stage, STAGES),
  };
}

function rollupBy(rows: readonly ItemRow[], keyOf: (row: ItemRow) => string | undefined, canonical: readonly string[]): RollupRow[] {
  const groups = new Map<string, ItemRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const rank = (key: string) => (canonical.includes(key) ? canonical.indexOf(key) : canonical.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => {
      const n = group.reduce((sum, r) => sum + r.n, 0);
      const scoreSum = group.reduce((sum, r) => sum + (r.facility ?? 0) * r.n, 0);
      const discriminations = group.flatMap((r) => (r.discrimination === null ? [] : [r.discrimination]));
      return {
        key,
        questions: group.length,
        answered: group.filter((r) => r.n > 0).length,
        n,
        facility: n === 0 ? null : round(scoreSum / n),
        discrimination: discriminations.length ? round(discriminations.reduce((a, b) => a + b, 0) / discriminations.length) : null,
        flagged: group.filter((r) => r.flags.some((f) => f !== 'few-answers')).length,
      };
    });
}
