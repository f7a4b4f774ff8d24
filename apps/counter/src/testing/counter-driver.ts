// For the browser tests only: opens the counter app as one person and controls its socket.
import type { TestHub } from '@antre/hub/testing';
import { DEMO_PASSWORD } from '@antre/hub/testing';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';

export interface SocketControl {
  /** The command ids the page sent for one command, in order (a retry repeats an id). */
  sent: (command: string) => string[];
  /** Lets the hub run the next `command` but loses its answer, then drops the connection. */
  loseAnswerOf: (command: string) => void;
  /** Drops the connection; the app reconnects by itself. */
  drop: () => void;
  /** Keeps the page from reconnecting until `reconnect()`. */
  cut: () => void;
  reconnect: () => void;
}

/** Routes the page's socket through Playwright so a test can lose packets on purpose. */
export async function controlSocket(page: Page): Promise<SocketControl> {
  const sent: { command: string; id: string }[] = [];
  let live: { page: WebSocketRoute; hub: WebSocketRoute } | null = null;
  let losing: { command: string; ackId: string | null } | null = null;
  let refusing = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (refusing) {
      ws.close();
      return;
    }
    const hub = ws.connectToServer();
    live = { page: ws, hub };
    ws.onMessage((message) => {
      const text = String(message);
      const event = /^42(\d*)\["([^"]+)"/.exec(text);
      const id = /"commandId":"([^"]+)"/.exec(text)?.[1];
      if (event && id) {
        sent.push({ command: event[2]!, id });
        if (losing && losing.command === event[2]) losing.ackId = event[1] ?? '';
      }
      hub.send(message);
    });
    hub.onMessage((message) => {
      const text = String(message);
      if (losing?.ackId && text.startsWith(`43${losing.ackId}[`)) {
        losing = null;
        ws.close();
        hub.close();
        return;
      }
      ws.send(message);
    });
  });
  const close = (): void => {
    live?.page.close();
    live?.hub.close();
    live = null;
  };
  return {
    sent: (command) => sent.filter((s) => s.command === command).map((s) => s.id),
    loseAnswerOf: (command) => {
      losing = { command, ackId: null };
    },
    drop: close,
    cut: () => {
      refusing = true;
      close();
    },
    reconnect: () => {
      refusing = false;
    },
  };
}

export interface CounterPage {
  page: Page;
  socket: SocketControl;
}

/** A signed-in page at a counter, its clock at the hub's. */
export async function openCounter(
  browser: Browser,
  hub: TestHub,
  options: { username: string; counterName?: string; now: number; width?: number; height?: number },
): Promise<CounterPage> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
  });
  await page.clock.setFixedTime(options.now);
  const socket = await controlSocket(page);
  await page.goto(`${hub.url}/counter/`);
  await page.getByLabel('Nama pengguna').fill(options.username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator('.counter-cards').waitFor();
  if (options.counterName) {
    await page.getByRole('button', { name: new RegExp(`^${options.counterName} `) }).click();
    await page.getByRole('heading', { name: options.counterName }).waitFor();
  }
  return { page, socket };
}
