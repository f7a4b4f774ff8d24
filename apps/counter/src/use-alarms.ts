import type { HubClient } from '@antre/client';
import type { AlarmView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { Session } from './session';
import { hubApi } from './session';

/**
 * A supervisor's view of their agency's open alarms. The socket was opened at sign-in, before
 * this screen listened, so the list is asked for once; the hub pushes every change after.
 */
export function useAlarms(client: HubClient, session: Session): AlarmView[] {
  const [alarms, setAlarms] = useState<AlarmView[]>([]);
  const supervisor = session.user.role === 'supervisor';
  useEffect(() => {
    if (!supervisor) return;
    let pushed = false;
    let live = true;
    const onList = (list: AlarmView[]): void => {
      pushed = true;
      setAlarms(list);
    };
    const unlisten = client.on('alarms:list', onList);
    void hubApi.alarms(session.token).then((answer) => {
      if (live && answer.ok && !pushed) setAlarms(answer.value);
    });
    return () => {
      live = false;
      unlisten();
    };
  }, [client, session.token, supervisor]);
  return supervisor ? alarms : [];
}
