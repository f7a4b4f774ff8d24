import type { T } from './booking-text';
import { MESSAGES } from './messages';
import { QrImage } from './QrImage';

/** The page an MPP prints for its entrance: the booking page's address as a large QR, in
 * Indonesian with an English line for visitors from abroad. */
export function Poster({ t }: { t: T }) {
  const address = `${window.location.origin}/booking/`;
  return (
    <main className="poster">
      <h1 className="poster-title">{t('posterTitle')}</h1>
      <QrImage text={address} size={560} label={address} />
      <p className="poster-line">{t('posterLine')}</p>
      <p className="poster-line-en" lang="en">
        {MESSAGES.en.posterLine}
      </p>
      <p className="poster-address">{address}</p>
      <button type="button" className="primary-button no-print" onClick={() => window.print()}>
        {t('posterPrint')}
      </button>
    </main>
  );
}
