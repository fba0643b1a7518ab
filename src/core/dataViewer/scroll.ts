/**
 * The data viewer's scaled scroll. Browsers cap an element's height (Chromium near 33.5M px,
 * Firefox near 17.9M px), so a million rows of 22 px cannot each own their pixels: past
 * `MAX_SCROLL_PX` the scrollbar's track maps linearly onto the rows, and the grid draws rows at
 * positions it computes rather than where they would sit in a document.
 */

/** The tallest scrollable height the grid uses (under every browser's cap). */
export const MAX_SCROLL_PX = 8_000_000;

/**
 * The scrollable height of `totalRows` rows of `rowHeight` px: their full height, or `MAX_SCROLL_PX`.
 *
 * @example
 * trackHeight(1000, 22) // 22000
 * trackHeight(1_000_000, 22) // 8000000
 */
export function trackHeight(totalRows: number, rowHeight: number): number {
  return Math.min(totalRows * rowHeight, MAX_SCROLL_PX);
}

/**
 * The row (fractional) at the top of a `viewHeight` px window scrolled to `scrollTop`: one row per
 * `rowHeight` px while the rows fit, scaled so the end of the track shows the last rows otherwise.
 *
 * @example
 * firstRowAt(2200, 440, 1000, 22) // 100
 * firstRowAt(8_000_000 - 440, 440, 1_000_000, 22) // 999980 (the last 20 rows fill the window)
 */
export function firstRowAt(scrollTop: number, viewHeight: number, totalRows: number, rowHeight: number): number {
  const maxFirst = Math.max(0, (totalRows * rowHeight - viewHeight) / rowHeight);
  const maxScroll = trackHeight(totalRows, rowHeight) - viewHeight;
  if (maxScroll <= 0) return 0;
  return Math.min(maxFirst, Math.max(0, (scrollTop / maxScroll) * maxFirst));
}

/**
 * The inverse of `firstRowAt`: where to scroll so that row `first` is at the top.
 *
 * @example
 * scrollTopFor(100, 440, 1000, 22) // 2200
 */
export function scrollTopFor(first: number, viewHeight: number, totalRows: number, rowHeight: number): number {
  const maxFirst = Math.max(0, (totalRows * rowHeight - viewHeight) / rowHeight);
  const maxScroll = Math.max(0, trackHeight(totalRows, rowHeight) - viewHeight);
  if (maxFirst === 0) return 0;
  return (Math.min(maxFirst, Math.max(0, first)) / maxFirst) * maxScroll;
}
