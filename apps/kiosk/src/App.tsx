import type { PriorityKind } from '@antre/domain';
import { errorText } from '@antre/ui';
import { useEffect, useState } from 'react';
import { Frame } from './Frame';
import type { LastTicket } from './print-flow';
import { lastTicketOf, takeNumber } from './print-flow';
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
import { usePreferences } from './use-preferences';
import { useConnection, usePrinterWatch } from './use-printer-watch';
import { KioskSurvey } from './survey/KioskSurvey';

export type Screen =
  | { name: 'agencies' }
  | { name: 'services'; agencyId: string }
  | { name: 'standard'; agencyId: string; serviceId: string }
  | { name: 'priority'; agencyId: string; serviceId: string }
  | { name: 'printing' }
  | { name: 'result'; last: LastTicket }
  | { name: 'survey' };

const HOME: Screen = { name: 'agencies' };

export function App() {
  const kiosk = useKiosk();
  const prefs = usePreferences();
  const [screen, setScreen] = useState<Screen>(HOME);
  const [notice, setNotice] = useState<string | null>(null);
  const [last, setLast] = useState<LastTicket | null>(null);
  const hub = kiosk.stage === 'ready' ? kiosk.hub : null;
  const printer = usePrinterWatch(hub);
  const connection = useConnection(hub);

  const goHome = (): void => {
    setScreen(HOME);
    setNotice(null);
    prefs.reset();
    kiosk.refresh();
  };
  const idleMs = kiosk.stage === 'ready' ? kiosk.idleMs : 30_000;
  useIdle(idleMs, goHome, screen.name !== 'printing' && screen !== HOME, screen);

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
  const onBack =
    screen.name === 'services'
      ? () => setScreen(HOME)
      : screen.name === 'standard'
        ? () => setScreen({ name: 'services', agencyId: screen.agencyId })
        : screen.name === 'priority'
          ? () => setScreen({ ...screen, name: 'standard' })
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
      setNotice(errorText(outcome.code, prefs.language));
      setScreen({ name: 'services', agencyId });
    }
    kiosk.refresh();
  }

  let body;
  if (printer.trouble && screen.name !== 'result' && screen.name !== 'survey') {
    body = <TroubleScreen t={prefs.t} />;
  } else if (screen.name === 'agencies') {
    body = (
      <AgencyScreen
        t={prefs.t}
        language={prefs.language}
        agencies={catalogue.agencies}
        last={last}
        hub={kiosk.hub}
        onChoose={(agencyId) => setScreen({ name: 'services', agencyId })}
        onSurvey={() => setScreen({ name: 'survey' })}
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
        notice={notice}
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
