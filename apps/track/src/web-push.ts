// Web Push needs a service worker and the Push API, which browsers give only to https:// pages
// (and localhost): on the building's plain-http network the button is simply not offered.

export type PushOutcome =
  { ok: true; subscription: PushSubscriptionJSON } | { ok: false; reason: 'denied' | 'failed' };

const BASE = import.meta.env.BASE_URL; // '/t/': the worker's scope covers every ticket's page

export function pushSupported(): boolean {
  return (
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The VAPID key as the bytes `applicationServerKey` takes (it arrives base64url). */
function keyBytes(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, i) => byte === b[i]);
}

/** Asks for permission, registers the worker and subscribes this browser to the hub's pushes. */
export async function subscribePush(publicKey: string): Promise<PushOutcome> {
  try {
    if ((await Notification.requestPermission()) !== 'granted')
      return { ok: false, reason: 'denied' };
    const registration = await navigator.serviceWorker.register(`${BASE}sw.js`, { scope: BASE });
    const key = keyBytes(publicKey);
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made for an earlier key of the hub would never receive its pushes.
    if (subscription && !sameBytes(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
    return { ok: true, subscription: subscription.toJSON() };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** After "Berhenti": this browser forgets its subscription too. */
export async function unsubscribePush(): Promise<void> {
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration(BASE).catch(() => undefined);
  const subscription = await registration?.pushManager.getSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => false);
}
