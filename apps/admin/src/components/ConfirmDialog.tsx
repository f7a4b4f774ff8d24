import { useEffect, useId, useRef } from 'react';

/** An in-page modal question (not `window.confirm`): it can be read, styled and tested. */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  busy?: boolean;
  /** Why it could not be done: shown in place of the question's buttons but one. */
  problem?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <p>{props.body}</p>
      {props.problem && (
        <p className="form-error" role="alert">
          {props.problem}
        </p>
      )}
      <div className="form-actions">
        {!props.problem && (
          <button
            type="button"
            className="danger-button"
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.confirm}
          </button>
        )}
        <button type="button" className="secondary" autoFocus onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </dialog>
  );
}
