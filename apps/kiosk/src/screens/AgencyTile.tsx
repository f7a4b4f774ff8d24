// The agency's logo when the admin gave one; else its initials on a colour of its own.
const COLOURS = [
  '#0b5cad',
  '#1d7a46',
  '#8a3ffc',
  '#b42318',
  '#a15c00',
  '#006d77',
  '#5b4636',
  '#3a4cb4',
];

function initials(shortName: string): string {
  const words = shortName.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length >= 2) return (words[0]![0]! + words[1]![0]!).toUpperCase();
  return (words[0] ?? shortName).slice(0, 2).toUpperCase();
}

function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export function AgencyTile({
  id,
  shortName,
  logoUrl,
}: {
  id: string;
  shortName: string;
  logoUrl?: string | undefined;
}) {
  if (logoUrl)
    return (
      <span className="agency-tile agency-logo" aria-hidden="true">
        <img src={logoUrl} alt="" />
      </span>
    );
  return (
    <span className="agency-tile" aria-hidden="true" style={{ background: colourOf(id) }}>
      {initials(shortName)}
    </span>
  );
}
