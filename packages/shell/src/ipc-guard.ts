import type { HubOrigins } from './navigation-policy';
import { isHubUrl } from './navigation-policy';

export interface IpcSender {
  /** the URL of the frame that sent the message; absent when the frame is gone */
  frameUrl: string | undefined;
  /** iframes never reach the bridge, even same-origin ones */
  isMainFrame: boolean;
}

/** Only the top frame of a page served by the hub may call the bridge. */
export function isTrustedSender(sender: IpcSender, hubOrigin: HubOrigins): boolean {
  return (
    sender.isMainFrame && sender.frameUrl !== undefined && isHubUrl(sender.frameUrl, hubOrigin)
  );
}
