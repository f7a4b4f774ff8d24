import type { AgencyBadge } from '../agency-badges';

// The agency's logo when the admin gave one; else its letters on a colour of its own (both
// from agencyBadges, so no two tiles of the building look alike).
export function AgencyTile({
  badge,
  logoUrl,
}: {
  badge: AgencyBadge | undefined;
  logoUrl?: string | undefined;
}) {
  if (logoUrl)
    return (
      <span className="agency-tile agency-logo" aria-hidden="true">
        <img src={logoUrl} alt="" />
      </span>
    );
  const text = badge?.text ?? '';
  return (
    <span
      className={`agency-tile${text.length > 3 ? ' is-long' : ''}`}
      aria-hidden="true"
      style={{ background: badge?.colour }}
      data-badge={text}
    >
      {text}
    </span>
  );
}
