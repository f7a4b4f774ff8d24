import type { Building } from '@antre/domain';
import type { AlarmView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import { alarmSince, alarmText, alarmTitle } from '@antre/ui';

const TICK_MS = 15_000;

/** The open alarms, each in plain words with since when; gone as soon as the hub clears one. */
export function AlarmList(props: { alarms: AlarmView[]; building: Building; language: Language }) {
  const { alarms, building, language } = props;
  // Redrawn now and then so "25 menit" grows; the time itself is read at each drawing.
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (alarms.length === 0) return null;
  const now = Date.now();
  const agency = (id: string | null) =>
    id ? (building.agencies.find((a) => a.id === id)?.shortName ?? id) : null;
  return (
    <div className="alerts alarms" role="alert" data-testid="alarms">
      <h2>{alarmTitle(language)}</h2>
      <ul>
        {alarms.map((a) => (
          <li key={a.id} data-kind={a.kind}>
            {agency(a.agencyId) && <span className="alarm-agency">{agency(a.agencyId)}</span>}
            <span className="alarm-text">{alarmText(a, language)}</span>
            <span className="alarm-since">
              {alarmSince(a, now, building.site.timezone, language)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
