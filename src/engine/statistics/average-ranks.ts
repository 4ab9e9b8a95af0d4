/**
 * Ranks with ties given the average of the positions they share ("fractional ranking"), as
 * Spearman's correlation and spreadsheets' RANK.AVG use them.
 */
import { requireNumericSeries } from './numeric-series.js';

/**
 * Ranks of the values in ascending order (1 = smallest); tied values share the average of the
 * ranks they would occupy.
 * @equation rank(x_i) = (first + last) / 2, where first..last are the 1-based sorted positions of the values equal to x_i
 * @source Spearman, C. (1904) Am. J. Psychol. 15(1), 72–101; Conover, W.J. (1999) Practical Nonparametric Statistics, 3rd ed., Wiley, ch. 5 (ties receive the average rank); as Excel's RANK.AVG(…, 1)
 * @param values the observations (at least one)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a non-empty list of finite numbers
 * @example averageRanks([10, 20, 20, 5]) // => [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: readonly number[]): readonly number[] {
  const checked = requireNumericSeries(values, 'values');
  const order = checked
    .map((_, i) => i)
    .sort((i, j) => (checked[i] as number) - (checked[j] as number));
  const ranks = new Array<number>(checked.length).fill(0);
  let start = 0;
  while (start < order.length) {
    const value = checked[order[start] as number];
    let end = start;
    while (end + 1 < order.length && checked[order[end + 1] as number] === value) end++;
    // Positions start..end (0-based) hold equal values: each gets the mean of ranks start+1..end+1.
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = rank;
    start = end + 1;
  }
  return ranks;
}
