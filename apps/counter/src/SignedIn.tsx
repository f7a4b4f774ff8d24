import type { HubClient } from '@antre/client';
import type { Building, Counter } from '@antre/domain';
import { SignInScreen } from '@antre/ui';
import type { ReactNode } from 'react';
import type { Translate } from './messages';
import type { Session } from './session';
import { hubApi } from './session';
import type { useCounterSession } from './use-counter-session';

export interface SignedInView {
  session: Session;
  client: HubClient;
  building: Building;
  /** The counters this person may sit at. */
  mine: Counter[];
}

/**
 * What the counter screen and the survey tablet show before they can work: the sign-in, a
 * refused socket (signed out with a notice), the wait for the building; then `children`.
 */
export function SignedIn(props: {
  counterSession: ReturnType<typeof useCounterSession>;
  /** The sign-in's words, e.g. the tablet's own title. */
  signInWords?: Translate;
  children: (view: SignedInView) => ReactNode;
}) {
  const { t, session, client, building, notice, signIn, signOut, counters, toggleLanguage } =
    props.counterSession;
  if (!session || !client)
    return (
      <SignInScreen
        t={props.signInWords ?? t}
        notice={notice}
        login={hubApi.login}
        refuse={(r) => (r.user.role !== 'admin' && !r.user.agencyId ? t('noAgency') : null)}
        onSignedIn={({ token, user }) => signIn({ token, user })}
        onToggleLanguage={toggleLanguage}
        buttonClassName="primary big"
      />
    );
  if (client.connection === 'refused') {
    queueMicrotask(() => signOut(t('refused')));
    return null;
  }
  if (!building) return <p className="loading">{t('connecting')}</p>;
  return props.children({
    session,
    client: client.hub,
    building,
    mine: counters(building, session),
  });
}
