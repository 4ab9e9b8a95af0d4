/** Building blocks every step uses, so the steps look and read alike. */
import type { ReactNode } from 'react';

export function StepHeader(props: { readonly title: string; readonly intro?: ReactNode }) {
  return (
    <header className="step-header">
      <h2>{props.title}</h2>
      {props.intro !== undefined && <p className="intro">{props.intro}</p>}
    </header>
  );
}

export function Section(props: {
  readonly title: string;
  readonly children: ReactNode;
  readonly actions?: ReactNode;
}) {
  return (
    <section className="section" aria-label={props.title}>
      <div className="section-head">
        <h3>{props.title}</h3>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

/** A headline result: a label, the number, and what it means. */
export function Metric(props: {
  readonly label: string;
  readonly value: string;
  readonly note?: ReactNode;
  readonly tone?: 'good' | 'bad' | 'neutral';
  readonly testId?: string;
}) {
  return (
    <div className={`metric ${props.tone ?? 'neutral'}`}>
      <div className="metric-label">{props.label}</div>
      <div className="metric-value" data-testid={props.testId}>
        {props.value}
      </div>
      {props.note !== undefined && <div className="metric-note">{props.note}</div>}
    </div>
  );
}

/** Shown instead of results when the step has no data yet. */
export function Empty(props: { readonly children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

/** A read-only results table with right-aligned numbers. */
export function ResultTable(props: {
  readonly caption: string;
  readonly head: readonly ReactNode[];
  readonly rows: readonly (readonly ReactNode[])[];
  readonly numeric?: readonly boolean[];
}) {
  return (
    <div className="grid-wrap">
      <table className="results">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={i} scope="col" className={props.numeric?.[i] ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} className={props.numeric?.[i] ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
