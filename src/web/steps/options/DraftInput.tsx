/**
 * A text input that writes through `commit` on every keystroke that reads, and otherwise
 * keeps what was typed with the reason it does not read (as the shared table cells do).
 */
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';

export interface DraftInputProps {
  /** The stored value as text in the UI language. */
  readonly value: string;
  /** Writes the text; returns why it does not read, or undefined when it was written. */
  readonly commit: (text: string) => string | undefined;
  /** Problems the engine found at this field. */
  readonly messages: readonly string[];
  readonly label?: string;
  readonly id?: string;
  readonly describedBy?: string;
  readonly numeric?: boolean;
  readonly readOnly?: boolean;
  readonly cell?: string;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  readonly onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  readonly onError?: (message: string | undefined) => void;
}

export function DraftInput(props: DraftInputProps) {
  const [draft, setDraft] = useState<{ text: string; error: string | undefined } | undefined>();
  const error = draft?.error ?? props.messages[0];
  const onChange = (text: string) => {
    const problem = props.commit(text.trim());
    setDraft({ text, error: problem });
    props.onError?.(problem);
  };
  return (
    <input
      type="text"
      id={props.id}
      data-cell={props.cell}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      aria-invalid={error !== undefined ? true : undefined}
      title={error}
      className={props.numeric ? 'num' : undefined}
      inputMode={props.numeric ? 'decimal' : undefined}
      readOnly={props.readOnly}
      value={draft?.text ?? props.value}
      onChange={(e) => onChange(e.target.value)}
      // A text that reads is shown again as stored (in the locale's format) on leaving.
      onBlur={() => {
        if (draft?.error === undefined) setDraft(undefined);
      }}
      onKeyDown={props.onKeyDown}
      onPaste={props.onPaste}
    />
  );
}
