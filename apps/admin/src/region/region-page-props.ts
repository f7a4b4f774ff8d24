import type { Language } from '@antre/ui';
import type { Translate } from '../messages';
import type { RegionSession } from './region-api';

/** What every page of the regional mode is given. */
export interface RegionPageProps {
  t: Translate;
  language: Language;
  session: RegionSession;
  /** The latest service day among the buildings (region-today.ts). */
  today: string;
  onUnauthorized: () => void;
}
