import type { FieldError } from '@antre/protocol';
import type { ReactNode } from 'react';
import { fieldMessage, pageLanguage } from '../field-messages';

/** The ids a checkbox list holds once one of them is ticked or cleared. */
export const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** A fieldset of checkboxes with the hub's complaint about any of them underneath. */
export function Checks(props: {
  legend: string;
  hint?: string;
  error: FieldError | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className={props.error ? 'wide bad' : 'wide'}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="muted hint">{props.hint}</p>}
      {props.children}
      {props.error && (
        <span className="field-error" role="alert">
          {fieldMessage(props.error, pageLanguage())}
        </span>
      )}
    </fieldset>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(ev) => props.onChange(ev.target.checked)}
      />
      {props.label}
    </label>
  );
}
