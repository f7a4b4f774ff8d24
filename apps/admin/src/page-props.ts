import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import type { Session } from './session';
import type { Translate } from './messages';

/** What every page gets from the signed-in shell. */
export interface PageProps {
  t: Translate;
  language: Language;
  session: Session;
  building: Building;
  /** The hub's service day, the "today" of every period. */
  today: string;
  onUnauthorized: () => void;
}
