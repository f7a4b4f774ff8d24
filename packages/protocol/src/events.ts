import type { CommandAck, Delta, ServiceStats, Snapshot, TrackingView } from './views';
import type { CommandName, CommandPayload } from './commands';
import type { Result } from './result';
import type { HubToStaffAlerts, KioskToHub } from './kiosk';
import type { AdminHubToClient } from './admin';
import type { HubToSurveyTablet, SurveyToHub } from './survey-channels';
import type { HubToAdminDevices } from './device-settings';
import type { HubToStaffAlarms } from './notifications';

export const PROTOCOL_VERSION = 2;

type Ack<T> = (result: Result<T>) => void;

type CommandHandlers = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: Ack<CommandAck>) => void;
};

/** Commands are imperative; every one is acknowledged with a Result. */
export interface ClientToHub extends CommandHandlers, KioskToHub, SurveyToHub {
  'sync:request': (payload: Record<string, never>, ack: Ack<Snapshot>) => void;
  'ticket:watch': (payload: { code: string }, ack: Ack<TrackingView>) => void;
}

/** Events are past tense or state: snapshot once, then numbered deltas. */
export interface HubToClient
  extends
    HubToStaffAlerts,
    AdminHubToClient,
    HubToAdminDevices,
    HubToSurveyTablet,
    HubToStaffAlarms {
  'sync:snapshot': (snapshot: Snapshot) => void;
  'sync:delta': (delta: Delta) => void;
  'ticket:tracked': (view: TrackingView) => void;
  'catalogue:stats': (stats: ServiceStats[]) => void;
  'hub:notice': (notice: { code: string; message: string }) => void;
}

export interface HandshakeAuth {
  protocolVersion: number;
  token?: string;
}
