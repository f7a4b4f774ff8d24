const STORAGE_KEY = 'antre.display.token';

/**
 * A board is signed in once by its one-time link `/display/?token=…`: the token is kept
 * in this browser and taken out of the address bar, so it is not left on screen.
 */
export function takeDeviceToken(
  location: Location,
  storage: Storage,
  history: History,
): string | null {
  const url = new URL(location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    storage.setItem(STORAGE_KEY, fromLink);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromLink;
  }
  return storage.getItem(STORAGE_KEY);
}

export function storeDeviceToken(storage: Storage, token: string): void {
  storage.setItem(STORAGE_KEY, token);
}

export function forgetDeviceToken(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
