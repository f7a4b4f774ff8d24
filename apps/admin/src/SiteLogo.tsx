import './admin-site.css';
import type { Site } from '@antre/domain';
import { callHub } from '@antre/ui';
import { useEffect, useState } from 'react';
import { HUB_URL } from './session';

/**
 * The building's logo in the header. The admin's building carries it; a supervisor's does not
 * (logos travel by URL to everyone but the admin), so the public catalogue says whether there
 * is one and where: a logo that does not exist is never asked for.
 */
export function SiteLogo({ site }: { site: Site }) {
  const [url, setUrl] = useState<string | null>(null);
  const fromBuilding = site.logo ?? null;
  useEffect(() => {
    if (fromBuilding) return;
    let live = true;
    void callHub('GET /api/services').then((answer) => {
      const logoUrl = answer.ok ? answer.value.site.logoUrl : undefined;
      if (live) setUrl(logoUrl ? `${HUB_URL}${logoUrl}` : null);
    });
    return () => {
      live = false;
    };
  }, [fromBuilding]);
  const src = fromBuilding ?? url;
  return src ? <img className="brand-logo" src={src} alt="" /> : null;
}
