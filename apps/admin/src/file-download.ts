import type { FileRoute } from '@antre/protocol';
import type { HubCallArgs } from '@antre/ui';
import { fetchHubFile } from '@antre/ui';

/** Fetches a hub file with the Bearer token (a plain link cannot send it) and saves it. */
export async function downloadFile<K extends FileRoute>(
  fileName: string,
  route: K,
  ...call: HubCallArgs<K>
): Promise<boolean> {
  const answer = await fetchHubFile(route, ...call);
  if (!answer.ok) return false;
  const url = URL.createObjectURL(answer.value);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
