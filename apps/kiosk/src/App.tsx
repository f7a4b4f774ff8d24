import type { PriorityKind } from '@antre/domain';
import type { RefusalDetail } from '@antre/protocol';
import { errorText } from '@antre/ui';
import { useEffect, useMemo, useState } from 'react';
import { agencyBadges } from './agency-badges';
import { Frame } from './Frame';
import type { KioskService } from './kiosk-hub';
import { openingText, timeText } from './opening-text';
import type { LastTicket } from './print-flow';
import { checkInBooking, lastTicketOf, takeNumber } from './print-flow';
import { checkInRefusal } from './check-in-refusals';
import { CheckInScreen } from './screens/CheckInScreen';
import { AfterHoursScreen } from './screens/AfterHoursScreen';
import { AgencyScreen } from './screens/AgencyScreen';
import { MessageScreen } from './screens/MessageScreen';
import { PairingScreen } from './screens/PairingScreen';
import { PriorityScreen } from './screens/PriorityScreen';
import { PrintingScreen } from './screens/PrintingScreen';
import { ResultScreen } from './screens/ResultScreen';
import { ServiceScreen } from './screens/ServiceScreen';
import { StandardScreen } from './screens/StandardScreen';
import { TroubleScreen } from './screens/TroubleScreen';
import { useIdle } from './use-idle';
import { useKiosk } from './use-kiosk';
import { useScanner } from './use-scanner';
import { usePreferences } from './use-preferences';
import { useConnection, usePrinterWatch } from './use-printer-watch';
import { KioskSurvey } from './survey/KioskSurvey';

export type Screen =
  | { name: 'agencies' }
  | { name: 'services'; agencyId: string }
  | { name: 'standard'; agencyId: string; serviceId: string }
  | { name: 'priority'; agencyId: string; serviceId: string }
  | { name: 'printing' }
  | { name: 'result'; last: LastTicket; online?: boolean }
  | { name: 'check-in' }
  | { name: 'survey' };

const HOME: Screen = { name: 'agencies' };

// Closed for these reasons, a service has hours to wait for (a quota or a switch-off does not).
const OUTSIDE_HOURS = new Set(['holiday', 'closed_today', 'not_yet_open', 'closed_for_day']);

/** Every service is closed and at least one by its hours: the kiosk is after (or before) hours. */
function isAfterHours(services: KioskService[]): boolean {
  return (
    services.length > 0 &&
    services.every((s) => !s.open) &&
    services.some((s) => OUTSIDE_HOURS.has(s.closedReason ?? ''))
  );
}

export function App() {
  const kiosk = useKiosk();
  const prefs = usePreferences();
  const [screen, setScreen] = useState<Screen>(HOME);
  const [notice, setNotice] = useState<string | null>(null);
  const [last, setLast] = useState<LastTicket | null>(null);
  const [checkIn, setCheckIn] = useState<{
    code: string;
    refused: { code: string; detail: RefusalDetail } | null;
  }>({ code: '', refused: null });
  const hub = kiosk.stage === 'ready' ? kiosk.hub : null;
  const agencies = kiosk.stage === 'ready' ? kiosk.catalogue.agencies : null;
  const badges = useMemo(() => agencyBadges(agencies ?? []), [agencies]);
  const printer = usePrinterWatch(hub);
  const connection = useConnection(hub);

  const goHome = (): void => {
    setScreen(HOME);
    setNotice(null);
    setCheckIn({ code: '', refused: null });
    prefs.reset();
    kiosk.refresh();
  };
  const idleMs = kiosk.stage === 'ready' ? kiosk.idleMs : 30_000;
  useIdle(idleMs, goHome, screen.name !== 'printing' && screen !== HOME, screen);
  // A booking QR scanned on the first screen checks in at once (no touch needed).
  useScanner(screen === HOME && hub !== null, (code) => void checkInByCode(code));

  useEffect(() => {
    document.title = prefs.t('title');
  }, [prefs]);

  if (kiosk.stage === 'unregistered')
    return (
      <Frame prefs={prefs} siteName="Antre">
        <PairingScreen t={prefs.t} onPaired={kiosk.paired} />
      </Frame>
    );
  if (kiosk.stage === 'loading')
    return (
      <Frame prefs={prefs} siteName="Antre">
        <MessageScreen title={prefs.t('loading')} />
      </Frame>
    );

  const { catalogue } = kiosk;
  const agencyOf = (id: string) => catalogue.agencies.find((a) => a.id === id);
  const afterHours = isAfterHours(catalogue.agencies.flatMap((a) => a.services));
  const { t } = prefs;
  const { serviceDay, timezone } = catalogue.site;
  const bookingUrl = `${window.location.host}/booking/`;
  const takesBookings = catalogue.agencies.some((a) => a.services.some((s) => s.takesBookings));
  const whenOpens = (service: KioskService): string =>
    openingText(t, prefs.language, service.opensNext, serviceDay, timezone);
  const opensText = (service: KioskService): string | null =>
    service.open ? null : t('opensAgain', { when: whenOpens(service) });
  const onBack =
    screen.name === 'services'
      ? () => setScreen(HOME)
      : screen.name === 'standard'
        ? () => setScreen({ name: 'services', agencyId: screen.agencyId })
        : screen.name === 'priority'
          ? () => setScreen({ ...screen, name: 'standard' })
          : screen.name === 'check-in'
            ? goHome
            : null;

  async function take(serviceId: string, agencyId: string, priority: PriorityKind | null) {
    if (!hub) return;
    setScreen({ name: 'printing' });
    const outcome = await takeNumber(hub, serviceId, priority);
    if (outcome.kind === 'printed') {
      const ticket = lastTicketOf(outcome.ticket);
      setLast(ticket);
      setScreen({ name: 'result', last: ticket });
    } else if (outcome.kind === 'printer_trouble') {
      printer.markTrouble();
      setScreen(HOME);
    } else {
      const clock = outcome.code === 'online_only' ? (outcome.detail.time ?? '') : '';
      const until = clock ? timeText(clock, prefs.language, timezone) : '';
      setNotice(
        until
          ? `${t('onlineOnlyUntil', { time: until })} ${t('howToBook', { time: until, url: bookingUrl })}`
          : errorText(outcome.code, prefs.language),
      );
      setScreen({ name: 'services', agencyId });
    }
    kiosk.refresh();
  }

  async function checkInByCode(code: string) {
    if (!hub) return;
    setScreen({ name: 'printing' });
    const outcome = await checkInBooking(hub, code);
    if (outcome.kind === 'printed') {
      const ticket = lastTicketOf(outcome.ticket);
      setLast(ticket);
      setCheckIn({ code: '', refused: null });
      setScreen({ name: 'result', last: ticket, online: true });
    } else if (outcome.kind === 'printer_trouble') {
      printer.markTrouble();
      setScreen(HOME);
    } else {
      setCheckIn({ code, refused: { code: outcome.code, detail: outcome.detail } });
      setScreen({ name: 'check-in' });
    }
    kiosk.refresh();
  }

  let body;
  if (printer.trouble && screen.name !== 'result' && screen.name !== 'survey') {
    body = <TroubleScreen t={prefs.t} />;
  } else if (screen.name === 'agencies' && afterHours) {
    body = (
      <AfterHoursScreen
        t={prefs.t}
        language={prefs.language}
        catalogue={catalogue}
        badges={badges}
        onRead={(agencyId, serviceId) => setScreen({ name: 'standard', agencyId, serviceId })}
      />
    );
  } else if (screen.name === 'agencies') {
    body = (
      <AgencyScreen
        t={prefs.t}
        language={prefs.language}
        agencies={catalogue.agencies}
        badges={badges}
        last={last}
        hub={kiosk.hub}
        onChoose={(agencyId) => setScreen({ name: 'services', agencyId })}
        onSurvey={() => setScreen({ name: 'survey' })}
        onCheckIn={takesBookings ? () => setScreen({ name: 'check-in' }) : null}
      />
    );
  } else if (screen.name === 'check-in') {
    body = (
      <CheckInScreen
        t={t}
        code={checkIn.code}
        busy={false}
        refusal={
          checkIn.refused
            ? checkInRefusal(
                t,
                prefs.language,
                timezone,
                checkIn.refused.code,
                checkIn.refused.detail,
              )
            : null
        }
        onChange={(code) => setCheckIn({ code, refused: null })}
        onSubmit={(code) => void checkInByCode(code)}
      />
    );
  } else if (screen.name === 'survey') {
    body = <KioskSurvey language={prefs.language} onDone={goHome} />;
  } else if (screen.name === 'services') {
    body = (
      <ServiceScreen
        t={prefs.t}
        language={prefs.language}
        agency={agencyOf(screen.agencyId)}
        badge={badges.get(screen.agencyId)}
        notice={notice}
        opensText={opensText}
        onChoose={(serviceId) => {
          setNotice(null);
          setScreen({ name: 'standard', agencyId: screen.agencyId, serviceId });
        }}
      />
    );
  } else if (screen.name === 'standard' || screen.name === 'priority') {
    const service = agencyOf(screen.agencyId)?.services.find((s) => s.id === screen.serviceId);
    body = !service ? null : screen.name === 'standard' ? (
      <StandardScreen
        t={prefs.t}
        service={service}
        closedNote={service.open ? null : t('takingClosed', { when: whenOpens(service) })}
        onTake={() => setScreen({ ...screen, name: 'priority' })}
      />
    ) : (
      <PriorityScreen
        t={prefs.t}
        serviceName={service.name}
        onChoose={(priority) => void take(service.id, screen.agencyId, priority)}
      />
    );
  } else if (screen.name === 'printing') {
    body = <PrintingScreen t={prefs.t} />;
  } else {
    body = (
      <ResultScreen
        t={prefs.t}
        language={prefs.language}
        last={screen.last}
        online={screen.online ?? false}
        hub={kiosk.hub}
        onDone={goHome}
      />
    );
  }

  return (
    <Frame
      prefs={prefs}
      siteName={catalogue.site.name}
      logoUrl={catalogue.site.logoUrl}
      timezone={catalogue.site.timezone}
      offline={connection === 'offline' || connection === 'refused'}
      onBack={onBack}
      onHome={
        screen === HOME || screen.name === 'printing' || screen.name === 'result' ? null : goHome
      }
      screen={screen.name}
    >
      {body}
    </Frame>
  );
}
