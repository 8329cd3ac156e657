// The rank prompt's state machine: a cursor, and an item that can be held and moved.
import { describe, expect, it } from 'vitest';
import { initialRank, rankStep, type RankKey, type RankState } from '../../src/ui/rank-state.js';

const press = (state: RankState, ...keys: RankKey[]) => keys.reduce(rankStep, state);

describe('rank state', () => {
  it('starts with the choices in shown order, the cursor on the first, nothing held', () => {
    expect(initialRank(4)).toEqual({ order: [0, 1, 2, 3], cursor: 0, holding: false });
  });

  it('moves the cursor down and up without changing the order', () => {
    const state = press(initialRank(4), 'down', 'down');
    expect(state).toEqual({ order: [0, 1, 2, 3], cursor: 2, holding: false });
    expect(press(state, 'up').cursor).toBe(1);
  });

  it('jumps the cursor to the top and the bottom', () => {
    expect(press(initialRank(5), 'bottom').cursor).toBe(4);
    expect(press(initialRank(5), 'down', 'down', 'top').cursor).toBe(0);
  });

  it('stops the cursor at the first and the last item', () => {
    expect(press(initialRank(3), 'up', 'up').cursor).toBe(0);
    expect(press(initialRank(3), 'down', 'down', 'down', 'down').cursor).toBe(2);
  });

  it('toggles holding with grab', () => {
    expect(press(initialRank(3), 'grab').holding).toBe(true);
    expect(press(initialRank(3), 'grab', 'grab').holding).toBe(false);
  });

  it('carries a held item down with the cursor', () => {
    const state = press(initialRank(4), 'grab', 'down', 'down');
    expect(state).toEqual({ order: [1, 2, 0, 3], cursor: 2, holding: true });
  });

  it('carries a held item up with the cursor', () => {
    const state = press(initialRank(4), 'bottom', 'grab', 'up');
    expect(state).toEqual({ order: [0, 1, 3, 2], cursor: 2, holding: true });
  });

  it('carries a held item to the top or the bottom in one step', () => {
    expect(press(initialRank(5), 'down', 'down', 'grab', 'top').order).toEqual([2, 0, 1, 3, 4]);
    expect(press(initialRank(5), 'down', 'grab', 'bottom').order).toEqual([0, 2, 3, 4, 1]);
  });

  it('keeps a held item in place at the ends of the list', () => {
    expect(press(initialRank(3), 'grab', 'up').order).toEqual([0, 1, 2]);
    expect(press(initialRank(3), 'bottom', 'grab', 'down').order).toEqual([0, 1, 2]);
  });

  it('leaves the item where it was dropped and moves only the cursor afterwards', () => {
    const state = press(initialRank(4), 'grab', 'down', 'grab', 'down');
    expect(state).toEqual({ order: [1, 0, 2, 3], cursor: 2, holding: false });
  });

  it('can reverse the order, keeping every item exactly once', () => {
    const state = press(initialRank(4), 'bottom', 'grab', 'top', 'grab', 'bottom', 'grab', 'down', 'grab', 'up', 'up', 'grab', 'down');
    expect([...state.order].sort()).toEqual([0, 1, 2, 3]);
    const reversed = press(initialRank(3), 'bottom', 'grab', 'top', 'grab', 'bottom', 'grab', 'up', 'grab');
    expect(reversed.order).toEqual([2, 1, 0]);
  });

  it('does not change the state it was given', () => {
    const state = initialRank(3);
    press(state, 'grab', 'down');
    expect(state).toEqual(initialRank(3));
  });
});
