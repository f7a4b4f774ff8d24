import type { Building, Ticket } from '@antre/domain';
import type { FormEvent, KeyboardEvent } from 'react';
import { useMemo, useState } from 'react';
import { findServices } from './counter-view';
import type { Translate } from './messages';

export interface TransferChoice {
  toServiceId: string;
  note: string;
  position: 'arrival' | 'first';
}

const SHOWN = 8;

/** "No wrong door": any service of any agency, found by name, agency or prefix. */
export function TransferDialog(props: {
  t: Translate;
  building: Building;
  ticket: Ticket;
  onSubmit: (choice: TransferChoice) => void;
  onCancel: () => void;
}) {
  const { t, building } = props;
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [position, setPosition] = useState<'arrival' | 'first'>('arrival');
  const matches = useMemo(
    () => findServices(building, query, props.ticket.serviceId).slice(0, SHOWN),
    [building, query, props.ticket.serviceId],
  );
  const agencyName = (id: string): string =>
    building.agencies.find((a) => a.id === id)?.shortName ?? id;
  const target = picked ?? (matches.length === 1 ? matches[0]!.id : null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (target) props.onSubmit({ toServiceId: target, note: note.trim(), position });
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.onCancel();
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog wide"
        role="dialog"
        aria-modal="true"
        aria-label={t('transferTitle', { label: props.ticket.label })}
        onSubmit={submit}
        onKeyDown={onKey}
      >
        <h2>{t('transferTitle', { label: props.ticket.label })}</h2>
        <label>
          {t('transferSearch')}
          <input
            autoFocus
            name="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPicked(null);
            }}
          />
        </label>
        <ul className="service-matches" role="listbox">
          {matches.length === 0 && <li className="list-empty">{t('noMatch')}</li>}
          {matches.map((s) => (
            <li key={s.id} role="option" aria-selected={target === s.id}>
              <button
                type="button"
                className={target === s.id ? 'match selected' : 'match'}
                onClick={() => setPicked(s.id)}
              >
                <span className="match-prefix">{s.prefix}</span>
                <span className="match-name">{s.name}</span>
                <span className="match-agency">{agencyName(s.agencyId)}</span>
              </button>
            </li>
          ))}
        </ul>
        <label>
          {t('transferNoteLabel')}
          <textarea
            name="note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <fieldset className="position">
          {(['arrival', 'first'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="position"
                checked={position === p}
                onChange={() => setPosition(p)}
              />
              {p === 'arrival' ? t('positionArrival') : t('positionFirst')}
            </label>
          ))}
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={props.onCancel}>
            {t('cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={!target}>
            {t('transferConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
