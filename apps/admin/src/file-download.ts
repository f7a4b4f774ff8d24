import { HUB_URL } from './session';

/** Fetches a hub file with the Bearer token (a plain link cannot send it) and saves it. */
export async function downloadFile(token: string, path: string, fileName: string) {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return false;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
