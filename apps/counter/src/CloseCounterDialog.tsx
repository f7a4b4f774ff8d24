import type { KeyboardEvent } from 'react';
import type { Translate } from './messages';

/**
 * "Close the counter for today?" in the page, not the browser's own box: big buttons, the
 * focus on Cancel so a stray Enter keeps the counter open, Escape cancels, Tab then Enter
 * closes.
 */
export function CloseCounterDialog(props: {
  t: Translate;
  counterName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = props;
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    props.onCancel();
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="close-counter-title"
        aria-describedby="close-counter-hint"
        onKeyDown={onKey}
      >
        <h2 id="close-counter-title">{t('closeConfirm')}</h2>
        <p className="confirm-counter">{props.counterName}</p>
        <p id="close-counter-hint" className="hint">
          {t('closeHint')}
        </p>
        <div className="dialog-buttons">
          <button type="button" autoFocus onClick={props.onCancel}>
            {t('cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="primary" onClick={props.onConfirm}>
            {t('closeYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
