import type { FieldError, PublicAddress } from '@antre/protocol';
import { useState } from 'react';
import type { AddressCheck } from './address-check';
import { checkAddress } from './address-check';
import { TextField } from '../components/ConfigField';
import type { Translate } from '../messages';

const CHECK_WORDS = {
  answers: 'checkAnswers',
  reachable: 'checkReachable',
  silent: 'checkSilent',
  invalid: 'checkInvalid',
} as const;

/**
 * The address printed in every ticket's QR. Shown with what tickets carry right now, and a
 * check from this browser, since a wrong address only shows on a visitor's phone.
 */
export function PublicAddressField(props: {
  t: Translate;
  value: string;
  onChange: (value: string) => void;
  error: FieldError | undefined;
  current: PublicAddress | null;
}) {
  const { t, current } = props;
  const [check, setCheck] = useState<{ state: AddressCheck | 'checking'; url: string } | null>(
    null,
  );
  const asked = props.value.trim() || current?.inUse || '';
  const run = async (): Promise<void> => {
    setCheck({ state: 'checking', url: asked });
    setCheck({ state: await checkAddress(asked), url: asked });
  };
  return (
    <div className="public-address">
      <TextField
        label={t('publicUrl')}
        value={props.value}
        onChange={(v) => {
          setCheck(null);
          props.onChange(v);
        }}
        error={props.error}
      />
      <p className="muted">{t('publicUrlHint')}</p>
      {current && (
        <p data-testid="address-in-use">
          {current.inUse
            ? t(current.publicUrl ? 'inUsePublic' : 'inUseLan', { url: current.inUse })
            : t('inUseNone')}
        </p>
      )}
      <div className="inline-field">
        <button
          type="button"
          className="secondary"
          disabled={!asked || check?.state === 'checking'}
          onClick={run}
        >
          {t('checkAddress')}
        </button>
        {check && (
          <span
            role="status"
            data-testid="address-check"
            className={check.state === 'answers' ? 'check-ok' : 'check-bad'}
          >
            {check.state === 'checking'
              ? t('checkingAddress', { url: check.url })
              : t(CHECK_WORDS[check.state], { url: check.url })}
          </span>
        )}
      </div>
    </div>
  );
}
