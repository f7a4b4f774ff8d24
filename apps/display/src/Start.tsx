import { useCallback, useState } from 'react';
import { App } from './App';
import { forgetDeviceToken, storeDeviceToken } from './device-token';
import { PairingScreen } from './PairingScreen';

/** A board without a token (or whose token was revoked) pairs first, then shows the board. */
export function Start(props: { token: string | null; storage: Storage; hubUrl: string }) {
  const [token, setToken] = useState(props.token);
  const { storage } = props;
  const paired = useCallback(
    (next: string) => {
      storeDeviceToken(storage, next);
      setToken(next);
    },
    [storage],
  );
  const refused = useCallback(() => {
    forgetDeviceToken(storage);
    setToken(null);
  }, [storage]);
  if (!token) return <PairingScreen hubUrl={props.hubUrl} onPaired={paired} />;
  return <App token={token} onRefused={refused} />;
}
