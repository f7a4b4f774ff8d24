/** One way to lay out the earlier calls; the board tries them in order (fitted-layout.ts). */
export interface RecentLayout {
  columns: number;
  /** Number and counter on one line, the agency under them; otherwise all three on one line. */
  stacked: boolean;
  /** The share of its full size a line may shrink to before the next layout reads better. */
  enough: number;
}

// A one-line row's font follows 60% of its height, a stacked row's 44% (two lines take 2.05 em).
export const ONE_LINE_SIZE = 60;
export const STACKED_SIZE = 44;
// Fewer columns (fewer calls shown) rather than lines shrunk below this share of their size;
// a portrait board's 4 rows are tall, so its 2 columns may shrink further.
const COLUMN_ENOUGH = 0.85;
const PORTRAIT_COLUMN_ENOUGH = 0.6;
// One line only while it is clearly larger than two lines would be: two give the agency the
// whole width.
const ONE_LINE_ENOUGH = (1.1 * STACKED_SIZE) / ONE_LINE_SIZE;

// Up to 8 calls read as one tall column; more are laid out in up to 4 columns of 9 (2 where
// each call also names its zone, which needs the width). A portrait board has the list below
// the latest call, in a third of the height: 4 rows of 2 there, or lines would be too small
// to read across a waiting room.
const ROWS_PER_COLUMN = 9;
const PORTRAIT_ROWS = 4;

export const rowsPerColumn = (portrait: boolean): number =>
  portrait ? PORTRAIT_ROWS : ROWS_PER_COLUMN;

/**
 * The layouts for this many calls, the one that shows the most first. Each number, counter
 * and agency must show whole: when a layout's lines would have to shrink too far for that,
 * the next is tried (fewer columns, then one column with the agency on a line of its own).
 */
export function recentLayouts(count: number, portrait: boolean, twoLines: boolean): RecentLayout[] {
  const rows = rowsPerColumn(portrait);
  const most = twoLines || portrait ? 2 : 4;
  const wanted = count <= Math.min(8, rows) ? 1 : Math.min(most, Math.ceil(count / rows));
  const layouts: RecentLayout[] = [];
  const enough = portrait ? PORTRAIT_COLUMN_ENOUGH : COLUMN_ENOUGH;
  for (let columns = wanted; columns > 1; columns--)
    layouts.push({ columns, stacked: true, enough });
  if (!twoLines) layouts.push({ columns: 1, stacked: false, enough: ONE_LINE_ENOUGH });
  layouts.push({ columns: 1, stacked: true, enough: 0 });
  return layouts;
}

/** The rows of the list: a column's full rows, or in one column at least 5 so a line keeps its size. */
export const rowsOf = (layout: RecentLayout, shown: number, portrait: boolean): number =>
  layout.columns > 1 || portrait ? rowsPerColumn(portrait) : Math.max(5, shown);
