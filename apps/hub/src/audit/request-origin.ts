/** Where a request came from, as the audit log keeps it: the address and the client program. */
export interface RequestOrigin {
  ip: string;
  client: string | null;
}

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
const PROGRAMS: [RegExp, string][] = [
  [/Electron\/(\d+)/, 'Electron'],
  [/Edg\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|HeadlessChrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 120 · Windows" from a user agent; an unknown one is kept short as it came. */
export function describeClient(userAgent: string | undefined): string | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const program = PROGRAMS.map(([re, name]) => {
    const m = re.exec(ua);
    return m ? `${name} ${m[1]}` : null;
  }).find((p) => p !== null);
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!program) return ua.slice(0, 60);
  return system ? `${program} · ${system}` : program;
}

export function originOf(ip: string | undefined, userAgent: string | undefined): RequestOrigin {
  return { ip: (ip ?? '').replace(/^::ffff:/, ''), client: describeClient(userAgent) };
}
