import { createHubClient } from '@antre/client';
import type { AlarmView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { HUB_URL } from '../session';

/**
 * The open staff alarms this person may see, live: the hub sends the whole list when the
 * socket connects and again whenever an alarm is raised or cleared. Null until it has spoken.
 */
export function useAlarmFeed(token: string): AlarmView[] | null {
  const [alarms, setAlarms] = useState<AlarmView[] | null>(null);
  useEffect(() => {
    const client = createHubClient({ url: HUB_URL, token });
    client.on('alarms:list', setAlarms);
    return () => client.close();
  }, [token]);
  return alarms;
}
