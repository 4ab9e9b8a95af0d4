/** Engine problems that no field or cell of the step shows, each with where it lies. */
export interface PlacedProblem {
  readonly key: string;
  /** Where in the step, in words (empty: the box it is shown in says it). */
  readonly where: string;
  readonly message: string;
}

export function ProblemList(props: { readonly problems: readonly PlacedProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="field-error" role="alert">
      {props.problems.map((p) => (
        <div key={p.key}>
          {p.where === '' ? '' : `${p.where}: `}
          {p.message}
        </div>
      ))}
    </div>
  );
}
