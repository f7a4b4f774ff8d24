import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { MessageKey } from './messages';
import { notifyApi } from './notify-api';
import { refusalTexts } from './notify-refusal';
import { PhoneOptIn } from './PhoneOptIn';
import { pushSupported, subscribePush, unsubscribePush } from './web-push';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  code: string;
}

/** What the hub says this ticket's holder opted into, and its Web Push key if it offers push. */
function useOptIns(code: string) {
  const [optIns, setOptIns] = useState<OptInView[] | null>(null);
  const [pushKey, setPushKey] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void notifyApi.optIns(code).then((r) => live && setOptIns(r.ok ? r.value : []));
    void notifyApi.pushKey().then((r) => live && setPushKey(r.ok ? r.value.publicKey : null));
    return () => {
      live = false;
    };
  }, [code]);
  const add = (view: OptInView) =>
    setOptIns((list) => [...(list ?? []).filter((o) => o.medium !== view.medium), view]);
  return { optIns, pushKey, add, clear: () => setOptIns([]) };
}

function PushOptIn({
  t,
  language,
  code,
  publicKey,
  onOptedIn,
}: Props & {
  publicKey: string;
  onOptedIn: (view: OptInView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const subscribe = async () => {
    setBusy(true);
    setProblem(null);
    const outcome = await subscribePush(publicKey);
    const saved = outcome.ok ? await notifyApi.byPush(code, outcome.subscription, language) : null;
    setBusy(false);
    if (saved?.ok) onOptedIn(saved.value);
    else if (!outcome.ok) setProblem(t(outcome.reason === 'denied' ? 'pushDenied' : 'pushFailed'));
    else if (saved?.error.code === 'conflict') setProblem(t('pushUnavailable'));
    else if (saved) setProblem(refusalTexts(t, saved.error).form ?? t('notifyFailed'));
  };
  return (
    <div className="notify-push">
      <button
        type="button"
        className="notify-push-button"
        disabled={busy}
        onClick={() => void subscribe()}
      >
        {t('pushButton')}
      </button>
      {problem ? (
        <p className="notify-field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** "Beri tahu saya": Web Push where the browser can, else (or also) a phone number. */
export function NotifyCard({ t, language, code }: Props) {
  const { optIns, pushKey, add, clear } = useOptIns(code);
  const [stopped, setStopped] = useState(false);
  const [stopping, setStopping] = useState(false);
  if (optIns === null) return null;
  const phone = optIns.find((o) => o.medium === 'phone');
  const push = optIns.find((o) => o.medium === 'push');
  const offerPush = pushKey !== null && pushSupported() && !push;
  const optedIn = (view: OptInView) => {
    setStopped(false);
    add(view);
  };

  const stop = async () => {
    setStopping(true);
    const result = await notifyApi.stop(code);
    setStopping(false);
    if (!result.ok) return;
    if (push) void unsubscribePush();
    clear();
    setStopped(true);
  };

  return (
    <section className="survey-card notify" aria-labelledby="notify-title" data-testid="notify">
      <h2 id="notify-title" className="survey-title">
        {t('notifyTitle')}
      </h2>
      <p className="notify-intro">{t('notifyIntro')}</p>
      {phone || push ? (
        <div className="notify-on" role="status">
          {push ? <p className="notify-on-line">{t('pushOn')}</p> : null}
          {phone ? (
            <p className="notify-on-line">{t('phoneOn', { end: phone.phoneEnd ?? '' })}</p>
          ) : null}
          <button
            type="button"
            className="notify-stop"
            disabled={stopping}
            onClick={() => void stop()}
          >
            {t('notifyStop')}
          </button>
        </div>
      ) : null}
      {stopped ? (
        <p className="notify-stopped" role="status">
          {t('notifyStopped')}
        </p>
      ) : null}
      {offerPush ? (
        <PushOptIn t={t} language={language} code={code} publicKey={pushKey} onOptedIn={optedIn} />
      ) : null}
      {offerPush && !phone ? <p className="notify-or">{t('orByPhone')}</p> : null}
      {phone ? null : <PhoneOptIn t={t} language={language} code={code} onOptedIn={optedIn} />}
    </section>
  );
}
