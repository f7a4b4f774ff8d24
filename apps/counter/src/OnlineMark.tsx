import type { Translate } from './messages';

/** The small mark beside an online (booked) ticket: same word in both languages. */
export function OnlineMark({ t }: { t: Translate }) {
  return (
    <span className="badge online" title={t('onlineMarkTitle')}>
      {t('onlineMark')}
    </span>
  );
}
