// Types for the parts of jstat (a dev dependency, used only as a reference in tests) that the
// statistics tests call. jstat ships no types of its own.
declare module 'jstat' {
  interface JStatStatic {
    gammaln(x: number): number;
    betaln(a: number, b: number): number;
    ibeta(x: number, a: number, b: number): number;
    corrcoeff(x: readonly number[], y: readonly number[]): number;
    spearmancoeff(x: readonly number[], y: readonly number[]): number;
    studentt: {
      cdf(t: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
  }
  export const jStat: JStatStatic;
}
