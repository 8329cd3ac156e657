// The rank prompt's state machine, apart from its rendering: a cursor over a list, and a
// "held" item that moves with the cursor, as in a drag with the keyboard.

export interface RankState {
  /** Display positions of the choices, in the order the learner has put them. */
  order: number[];
  cursor: number;
  holding: boolean;
}

export type RankKey = 'up' | 'down' | 'grab' | 'top' | 'bottom';

export function initialRank(count: number): RankState {
  return { order: Array.from({ length: count }, (_, i) => i), cursor: 0, holding: false };
}

export function rankStep(state: RankState, key: RankKey): RankState {
  const last = state.order.length - 1;
  if (key === 'grab') return { ...state, holding: !state.holding };
  const target =
    key === 'up' ? Math.max(0, state.cursor - 1)
    : key === 'down' ? Math.min(last, state.cursor + 1)
    : key === 'top' ? 0
    : last;
  if (!state.holding) return { ...state, cursor: target };
  const order = [...state.order];
  const [item] = order.splice(state.cursor, 1);
  order.splice(target, 0, item!);
  return { ...state, order, cursor: target };
}
