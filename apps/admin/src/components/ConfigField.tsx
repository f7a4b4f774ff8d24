import type { FieldError } from '@antre/protocol';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { fieldMessage, pageLanguage } from '../field-messages';

/** A labelled input with the hub's complaint about it right underneath. */
export function Field(props: {
  label: string;
  error?: FieldError | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={props.error ? 'field bad' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, props.error ? errorId : undefined)}
      {props.error && (
        <span className="field-error" id={errorId} role="alert">
          {fieldMessage(props.error, pageLanguage())}
        </span>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
  type?: string;
  multiline?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) =>
        props.multiline ? (
          <textarea
            id={id}
            rows={3}
            aria-invalid={!!props.error}
            aria-describedby={describedBy}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            type={props.type ?? 'text'}
            aria-invalid={!!props.error}
            aria-describedby={describedBy}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: FieldError | undefined;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <select
          id={id}
          aria-invalid={!!props.error}
          aria-describedby={describedBy}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A note above a form: what went wrong overall (a 409, a refusal) or that it worked. */
export function Notice({ text, kind }: { text: string | null; kind: 'ok' | 'bad' }) {
  if (!text) return null;
  return (
    <p
      className={kind === 'ok' ? 'notice-ok' : 'form-error'}
      role={kind === 'ok' ? 'status' : 'alert'}
    >
      {text}
    </p>
  );
}
