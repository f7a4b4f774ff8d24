import './admin-site.css';
import type { Site } from '@antre/domain';
import { useState } from 'react';
import { HUB_URL } from './session';

/**
 * The building's logo in the header. The admin's building carries it; a supervisor's does not
 * (logos travel by URL to everyone but the admin), so theirs is asked from the public URL.
 */
export function SiteLogo({ site }: { site: Site }) {
  const [missing, setMissing] = useState(false);
  if (missing && !site.logo) return null;
  return (
    <img
      className="brand-logo"
      src={site.logo ?? `${HUB_URL}/api/logos/site`}
      alt=""
      onError={() => setMissing(true)}
    />
  );
}
