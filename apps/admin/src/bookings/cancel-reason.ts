import type { Translate } from '../messages';
import { isMessageKey } from '../messages';

/** A stored cancel reason (`service_closed: Rapat`) in words; an unknown one as it came. */
export function cancelReasonWords(t: Translate, reason: string | null): string {
  if (!reason) return '';
  const [code = '', ...rest] = reason.split(': ');
  const key = `r_${code}`;
  return isMessageKey(key) ? t(key, { detail: rest.join(': ') }) : reason;
}
