import type { Building, Ticket } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { findServices } from './counter-view';
import type { Translate } from './messages';
import type { TargetLine } from './transfer-targets';
import { targetLine } from './transfer-targets';
import { useServiceStats } from './use-service-stats';

export interface TransferChoice {
  toServiceId: string;
  note: string;
  position: 'arrival' | 'first';
}

const SHOWN = 8;

/**
 * "No wrong door": any service of any agency, found by name, agency or prefix, each shown
 * open or closed (and why) with who waits there. A service closed for the rest of the day
 * cannot be picked (the hub refuses it too); one on a break can, with a warning.
 */
export function TransferDialog(props: {
  t: Translate;
  language: Language;
  building: Building;
  ticket: Ticket;
  onSubmit: (choice: TransferChoice) => void;
  onCancel: () => void;
}) {
  const { t, language, building } = props;
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [position, setPosition] = useState<'arrival' | 'first'>('arrival');
  const stats = useServiceStats();
  const matches = useMemo(
    () => findServices(building, query, props.ticket.serviceId).slice(0, SHOWN),
    [building, query, props.ticket.serviceId],
  );
  const lines = new Map<string, TargetLine>();
  for (const s of matches) {
    const st = stats?.get(s.id);
    if (st) lines.set(s.id, targetLine(t, language, st));
  }
  const allowed = (id: string): boolean => lines.get(id)?.check.allowed ?? true;
  const choosable = matches.filter((s) => allowed(s.id));
  // Typing narrows the list and the first service that can receive is the one Enter sends to.
  const target =
    picked && allowed(picked)
      ? picked
      : query.trim() || choosable.length === 1
        ? (choosable[0]?.id ?? null)
        : null;
  const warning = target ? (lines.get(target)?.warning ?? null) : null;
  useEffect(() => {
    document.querySelector('.match.selected')?.scrollIntoView({ block: 'nearest' });
  }, [target]);
  const agencyName = (id: string): string =>
    building.agencies.find((a) => a.id === id)?.shortName ?? id;

  const send = (toServiceId: string | null): void => {
    if (toServiceId && allowed(toServiceId))
      props.onSubmit({ toServiceId, note: note.trim(), position });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    send(target);
  };
  const move = (step: 1 | -1): void => {
    if (choosable.length === 0) return;
    const at = choosable.findIndex((s) => s.id === target);
    const next = at < 0 ? (step === 1 ? 0 : choosable.length - 1) : at + step;
    setPicked(choosable[Math.min(Math.max(next, 0), choosable.length - 1)]!.id);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.onCancel();
  };
  const onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    move(event.key === 'ArrowDown' ? 1 : -1);
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
            aria-describedby="transfer-hint"
            onKeyDown={onSearchKey}
            onChange={(e) => {
              setQuery(e.target.value);
              setPicked(null);
            }}
          />
        </label>
        <p className="hint" id="transfer-hint">
          {stats ? t('transferHint') : t('targetLoading')}
        </p>
        <ul className="service-matches" role="listbox">
          {matches.length === 0 && <li className="list-empty">{t('noMatch')}</li>}
          {matches.map((s) => {
            const line = lines.get(s.id);
            const closed = line ? !line.check.allowed : false;
            return (
              <li key={s.id} role="option" aria-selected={target === s.id}>
                <button
                  type="button"
                  className={`match${target === s.id ? ' selected' : ''}${closed ? ' closed' : ''}`}
                  disabled={closed}
                  onClick={() => setPicked(s.id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    send(s.id);
                  }}
                >
                  <span className="match-prefix">{s.prefix}</span>
                  <span className="match-name">{s.name}</span>
                  <span className="match-agency">{agencyName(s.agencyId)}</span>
                  {line && (
                    <span className="match-state" data-testid="target-state">
                      <span
                        className={`state${!line.check.allowed ? ' closed' : line.warning ? ' warn' : ''}`}
                      >
                        {line.state}
                      </span>
                      {line.check.allowed && <span className="waiting">{line.waiting}</span>}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {warning && (
          <p className="transfer-warning" role="status" data-testid="transfer-warning">
            {warning}
          </p>
        )}
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
