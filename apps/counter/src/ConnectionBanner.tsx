import type { ConnectionState } from '@antre/client';
import type { Translate } from './messages';

/** A lost connection is said plainly, in red, across the top. */
export function ConnectionBanner({ t, connection }: { t: Translate; connection: ConnectionState }) {
  if (connection === 'online') return null;
  return (
    <div className="banner banner-offline" role="alert">
      {connection === 'connecting' ? t('connecting') : t('offline')}
    </div>
  );
}
