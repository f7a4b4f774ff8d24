import { usePairing } from '@antre/ui';
import { translate } from './messages';

// A board has no keyboard or touch: the code screen speaks both languages at once.
const id = translate('id');
const en = translate('en');

export function PairingScreen(props: { hubUrl: string; onPaired: (token: string) => void }) {
  const view = usePairing(props.hubUrl, 'display', props.onPaired);
  return (
    <main className="pairing">
      <h1>
        {id('pairTitle')}
        <span lang="en">{en('pairTitle')}</span>
      </h1>
      {view.stage === 'waiting' ? (
        <>
          <p className="pairing-label">
            {id('pairCode')} <span lang="en">/ {en('pairCode')}</span>
          </p>
          <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
            {view.code}
          </p>
          <p className="pairing-hint">{id('pairHint')}</p>
          <p className="pairing-hint" lang="en">
            {en('pairHint')}
          </p>
          {view.rejectedBefore && (
            <p className="pairing-warning">
              {id('pairRejected')} <span lang="en">/ {en('pairRejected')}</span>
            </p>
          )}
        </>
      ) : (
        <p className="pairing-hint">
          {view.offline
            ? `${id('pairOffline')} / ${en('pairOffline')}`
            : `${id('pairAsking')} / ${en('pairAsking')}`}
        </p>
      )}
    </main>
  );
}
