import type { AuditEntry } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { configApi } from '../config-api';
import { refusalText } from '../conflict-messages';
import type { PageProps } from '../page-props';

// Dates are the building's local days; the hub takes an ISO instant with an offset.
const OFFSETS = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' } as const;

interface Actor {
  value: string;
  label: string;
}

/** The audit page's filter and the entries the hub finds for it, with people to pick from. */
export function useAuditPage(props: PageProps) {
  const { t } = props;
  const { building } = props;
  const zone = building.site.timezone;
  const offset = OFFSETS[zone];
  const [filter, setFilter] = useState({
    from: props.today,
    to: props.today,
    actor: '',
    action: '',
  });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [actors, setActors] = useState<Actor[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<void> {
    const dayAfter = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const answer = await configApi.audit(props.session.token, {
      ...(filter.from ? { from: Date.parse(`${filter.from}T00:00:00${offset}`) } : {}),
      ...(filter.to ? { to: Date.parse(`${dayAfter(filter.to)}T00:00:00${offset}`) } : {}),
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
    });
    if (answer.ok) {
      setEntries(answer.value.entries);
      setError(null);
    } else if (answer.status === 401) props.onUnauthorized();
    else setError(t('refused', { reason: refusalText(answer.error, props.language) }));
  }
  // People and devices to pick from, so nobody has to know an id.
  async function loadActors(): Promise<void> {
    const token = props.session.token;
    const [users, devices] = await Promise.all([configApi.users(token), configApi.devices(token)]);
    setActors([
      ...(users.ok
        ? users.value.users.map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))
        : []),
      ...(devices.ok
        ? devices.value.devices.map((d) => ({
            value: d.id,
            label: t('deviceOption', { name: d.name }),
          }))
        : []),
    ]);
  }
  useEffect(() => {
    void load();
    void loadActors();
  }, []);

  return { zone, filter, setFilter, entries, actors, error, load };
}
