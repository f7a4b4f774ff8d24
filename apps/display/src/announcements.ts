import type { HubClient } from '@antre/client';
import type { CallView, DisplayBoard, DisplaySettings } from '@antre/protocol';
import type { ClipPath, ClipPlayer } from '@antre/voice';
import { announcementClips, createAnnouncer } from '@antre/voice';
import { announcementLogForTests } from './test-hooks';
import { floorToSay } from './zone-names';

/** One announcement as the board made it; a test build keeps them for the tests to read. */
export interface AnnouncementRecord {
  eventId: string;
  label: string;
  counterNumber: number;
  /** The floor said after the counter; null when the board does not say one. */
  floor: number | null;
  recall: boolean;
  clips: ClipPath[];
  /** False when sound is off or not yet unlocked: the call was shown, not heard. */
  audible: boolean;
}

/**
 * Announces each new call once, in order: live calls from deltas at once; calls found in a
 * snapshot (first load, reconnect) only when the hub says they are under 30 s old.
 */
export function startAnnouncements(
  client: HubClient,
  player: ClipPlayer,
  options: {
    settings: () => DisplaySettings;
    zones: () => DisplayBoard['zones'];
    /** The hub's time now, by the clock of the latest snapshot. */
    hubNow: () => number;
  },
): () => void {
  const log = announcementLogForTests();
  const announcer = createAnnouncer<CallView>(async (call) => {
    const settings = options.settings();
    const floor = floorToSay(options.zones(), call.zoneId);
    const clips = announcementClips(
      { ...call, floor },
      {
        languages: settings.voiceLanguages,
        withAgency: settings.announceAgency,
        repeat: settings.repeatCall,
      },
    );
    const audible = settings.voice && player.unlocked;
    log?.push({
      eventId: call.eventId,
      label: call.label,
      counterNumber: call.counterNumber,
      floor,
      recall: call.recall,
      clips,
      audible,
    });
    if (audible) await player.play(clips);
  });

  const offDelta = client.onDelta((delta) => announcer.live(delta.calls));
  const checkSnapshot = (): void => {
    if (announcer.hasUnseen(client.state.calls))
      announcer.synced(client.state.calls, options.hubNow());
  };
  const offState = client.subscribe(checkSnapshot);
  checkSnapshot();
  return () => {
    offDelta();
    offState();
  };
}
