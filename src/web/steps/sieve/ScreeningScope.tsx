/**
 * Which options a screening (sieve or weighted sum) covers: the problem, and the options
 * ticked one by one (unticked all along means every option of the problem, as the engine reads it).
 */
import { useId } from 'react';
import { SelectField } from '../../components/fields.js';
import { useStudy } from '../../study/editor.js';
import { getAt, type Path } from '../../study/paths.js';
import {
  candidateOptions,
  screenedOptions,
  toggleScreened,
} from '../../components/option-matrix.js';

export function ScreeningScope(props: {
  /** The screening's path, e.g. ['screening', 'sieve', 0]. */
  readonly path: Path;
  readonly problemLabel: string;
  readonly problemNone: string;
  readonly optionsLabel: string;
  readonly everyOption: string;
}) {
  const { input, edit, canEdit } = useStudy();
  const legendId = useId();
  const options = input.options ?? [];
  const problem = getAt(input, [...props.path, 'problem']) as string | undefined;
  const listed = getAt(input, [...props.path, 'options']) as readonly string[] | undefined;
  const screened = new Set(screenedOptions(options, problem, listed).map((o) => o.option.id));
  const problems = input.problems ?? [];
  return (
    // One field a row: a long problem title must not run over the option list.
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 40em)', gap: 12 }}>
      {problems.length > 0 && (
        <SelectField
          path={[...props.path, 'problem']}
          label={props.problemLabel}
          optional
          options={problems.map((p) => ({ value: p.id, label: p.title }))}
          hint={problem === undefined ? props.problemNone : undefined}
        />
      )}
      <div className="field" role="group" aria-labelledby={legendId}>
        <span id={legendId} style={{ fontWeight: 500, fontSize: '0.9rem' }}>
          {props.optionsLabel}
        </span>
        {candidateOptions(options, problem, listed).map(({ option }) => (
          <label key={option.id} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
            <input
              type="checkbox"
              checked={screened.has(option.id)}
              disabled={!canEdit}
              onChange={(e) =>
                edit(
                  [...props.path, 'options'],
                  toggleScreened(options, problem, listed, option.id, e.target.checked),
                )
              }
            />
            {option.name || option.id}
          </label>
        ))}
        {listed !== undefined && canEdit && (
          <button
            type="button"
            className="link"
            style={{ justifySelf: 'start' }}
            onClick={() => edit([...props.path, 'options'], undefined)}
          >
            {props.everyOption}
          </button>
        )}
      </div>
    </div>
  );
}
