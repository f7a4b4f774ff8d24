import type { FormEvent, KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import type { Translate } from './messages';

/** Park and pause both ask "why?": quick choices for the usual ones, free text for the rest. */
export function ReasonDialog(props: {
  t: Translate;
  title: string;
  hint: string;
  choices: string[];
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = props;
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    if (reason.trim()) props.onSubmit(reason.trim());
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.onCancel();
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={submit}
        onKeyDown={onKey}
      >
        <h2>{props.title}</h2>
        <div className="chips">
          {props.choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className={reason === choice ? 'chip selected' : 'chip'}
              onClick={() => {
                setReason(choice);
                input.current?.focus(); // Enter now saves it
              }}
            >
              {choice}
            </button>
          ))}
        </div>
        <label>
          {props.hint}
          <input
            ref={input}
            autoFocus
            name="reason"
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={props.onCancel}>
            {t('cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={!reason.trim()}>
            {t('save')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
