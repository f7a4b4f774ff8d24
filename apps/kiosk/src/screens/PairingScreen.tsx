import type { MessageKey } from '../messages';
import { usePairing } from '@antre/ui';

/** First open: the kiosk asks to be paired and shows its code until the admin approves it. */
export function PairingScreen(props: {
  t: (key: MessageKey) => string;
  onPaired: (token: string) => void;
}) {
  const { t } = props;
  const view = usePairing(window.location.origin, 'kiosk', props.onPaired);
  return (
    <section className="screen centered pairing">
      <h1 className="screen-title">{t('unregistered')}</h1>
      {view.stage === 'waiting' ? (
        <>
          <p className="pairing-label">{t('pairCode')}</p>
          <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
            {view.code}
          </p>
          <p className="lead pairing-hint">{t('pairHint')}</p>
          {view.rejectedBefore && <p className="pairing-warning">{t('pairRejected')}</p>}
        </>
      ) : (
        <p className="lead">{view.offline ? t('pairOffline') : t('pairAsking')}</p>
      )}
    </section>
  );
}
