// The tracking page's service worker, served at /t/sw.js so its scope is /t/ (every ticket's
// page). It only shows what the hub pushes — { title, body, url, key } — and opens the
// ticket's page on a touch; it caches nothing, so the page is always the hub's live one.
/* global self, URL */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function messageOf(data) {
  if (!data) return { title: 'Antre', body: '' };
  try {
    const json = data.json();
    return {
      title: typeof json.title === 'string' && json.title ? json.title : 'Antre',
      body: typeof json.body === 'string' ? json.body : '',
      url: typeof json.url === 'string' ? json.url : null,
      key: typeof json.key === 'string' ? json.key : undefined,
    };
  } catch {
    return { title: 'Antre', body: data.text() };
  }
}

self.addEventListener('push', (event) => {
  const message = messageOf(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      // The hub may send a message again after a lost answer: the same key shows once.
      tag: message.key,
      data: { url: message.url ?? self.registration.scope },
      vibrate: [300, 150, 300],
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? self.registration.scope, self.location.href);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url.href);
      return open ? open.focus() : self.clients.openWindow(url.href);
    }),
  );
});
