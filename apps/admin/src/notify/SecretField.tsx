import type { FieldError } from '@antre/protocol';
import { Field } from '../components/ConfigField';

/**
 * A token or key: typed once, never shown back. A stored one is named by its mask, and left
 * empty it stays as it is.
 */
export function SecretField(props: {
  label: string;
  value: string;
  /** The stored secret's mask ("••••abcd"), or null when none is stored. */
  stored: string | null;
  keepHint: (masked: string) => string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={!!props.error}
          aria-describedby={describedBy}
          placeholder={props.stored ? props.keepHint(props.stored) : ''}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
