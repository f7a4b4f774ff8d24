import { describe, expect, it } from 'vitest';
import { recentLayouts, rowsOf } from './recent-layout';

const shapes = (count: number, portrait: boolean, twoLines: boolean) =>
  recentLayouts(count, portrait, twoLines).map(
    (l) => `${l.columns}${l.stacked ? ' stacked' : ' one line'}`,
  );

describe('the layouts tried for the earlier calls', () => {
  it.each([
    [1, false, false, ['1 one line', '1 stacked']],
    [8, false, false, ['1 one line', '1 stacked']],
    [27, false, false, ['3 stacked', '2 stacked', '1 one line', '1 stacked']],
    [40, false, false, ['4 stacked', '3 stacked', '2 stacked', '1 one line', '1 stacked']],
    [40, false, true, ['2 stacked', '1 stacked']],
    [2, true, false, ['1 one line', '1 stacked']],
    [8, true, false, ['2 stacked', '1 one line', '1 stacked']],
    [8, false, true, ['1 stacked']],
  ])(
    'when %i calls (portrait %s, zones named %s), then it tries %j',
    (count, portrait, two, want) => {
      expect(shapes(count, portrait, two)).toEqual(want);
    },
  );

  it('when the last layout is reached, then it shrinks rather than give way', () => {
    expect(recentLayouts(40, false, false).at(-1)!.enough).toBe(0);
  });

  it('when one column holds a few calls, then it keeps 5 rows; a portrait board or several columns keep a full column', () => {
    const [oneLine] = recentLayouts(1, false, false);
    expect(rowsOf(oneLine!, 1, false)).toBe(5);
    expect(rowsOf(oneLine!, 8, false)).toBe(8);
    expect(rowsOf(oneLine!, 1, true)).toBe(4);
    expect(rowsOf({ columns: 2, stacked: true, enough: 0.75 }, 18, false)).toBe(9);
  });
});
