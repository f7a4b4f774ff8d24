import type { OptInView } from '@antre/protocol';
import type { MessageKey } from '../messages';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  optedIn: OptInView | null;
  onOpen: () => void;
}

function PhoneIcon() {
  return (
    <svg
      className="notify-offer-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <rect x="6" y="2" width="12" height="20" rx="2" />
      <path d="M10 18h4" />
    </svg>
  );
}

/** On the result screen: an optional offer to be told by phone, then what was agreed. */
export function NotifyOffer({ t, optedIn, onOpen }: Props) {
  if (optedIn)
    return (
      <p className="notify-done" role="status">
        {t('notifyDone', { end: optedIn.phoneEnd ?? '' })}
      </p>
    );
  return (
    <button type="button" className="notify-offer" onClick={onOpen}>
      <PhoneIcon />
      <span className="notify-offer-text">
        <span className="notify-offer-title">{t('notifyOffer')}</span>
        <span className="notify-offer-note">{t('notifyOfferNote')}</span>
      </span>
    </button>
  );
}
