import type { CommandName } from '@antre/protocol';
import type { MessageKey, Translate } from './messages';
import type { Action } from './shortcuts';
import { SHORTCUTS } from './shortcuts';

export interface ActionButton {
  action: Action;
  label: MessageKey;
  command: CommandName;
  tone?: 'primary' | 'danger' | 'quiet';
}

/** One big button per action, its key printed on it so the shortcut is learnt by looking. */
export function ActionBar(props: {
  t: Translate;
  buttons: ActionButton[];
  enabled: Record<Action, boolean>;
  busy: CommandName | null;
  onAction: (action: Action) => void;
}) {
  return (
    <div className="actions">
      {props.buttons.map((b) => (
        <button
          key={b.action}
          type="button"
          className={`action action-${b.action} ${b.tone ?? ''}`}
          disabled={!props.enabled[b.action] || props.busy !== null}
          aria-busy={props.busy === b.command}
          aria-keyshortcuts={SHORTCUTS[b.action].codes.join(' ')}
          onClick={() => props.onAction(b.action)}
        >
          <kbd>{SHORTCUTS[b.action].label}</kbd>
          <span>{props.t(b.label)}</span>
        </button>
      ))}
    </div>
  );
}
