import type { PublicAddress } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { configApi } from '../config-api';
import type { PageProps } from '../page-props';

/**
 * On the live page while no public address is set: tickets' QR codes then carry the hub's
 * LAN address, which a visitor's phone on mobile data cannot open. Admins only: they set it.
 */
export function PublicAddressWarning(props: PageProps) {
  const { session, building, t } = props;
  const unset = session.user.role === 'admin' && !building.site.publicUrl;
  const [address, setAddress] = useState<PublicAddress | null>(null);
  useEffect(() => {
    if (unset) void configApi.address(session.token).then((a) => setAddress(a.ok ? a.value : null));
  }, [unset, session.token]);
  if (!unset) return null;
  return (
    <div className="address-warning" role="alert" data-testid="public-address-warning">
      <h2>{t('addressUnsetTitle')}</h2>
      <p>
        {address?.inUse
          ? t('addressUnsetLan', { url: address.inUse })
          : address
            ? t('inUseNone')
            : t('addressUnsetBody')}{' '}
        <a href="#site">{t('addressUnsetLink')}</a>
      </p>
    </div>
  );
}
