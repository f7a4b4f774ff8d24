import type { FieldError } from '@antre/protocol';
import { useId, useState } from 'react';
import { fieldMessage, pageLanguage } from '../field-messages';
import { scaledLogo } from './logo-image';
import type { Translate } from '../messages';

/** Choose, preview and remove a logo; the browser scales it before it is ever sent. */
export function LogoPicker(props: {
  t: Translate;
  name: string;
  logo: string | undefined;
  onChange: (logo: string | undefined) => void;
  error?: FieldError | undefined;
}) {
  const { t } = props;
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const error = problem ?? (props.error ? fieldMessage(props.error, pageLanguage()) : null);

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    const result = await scaledLogo(file);
    if (result === 'unreadable') setProblem(t('logoUnreadable'));
    else if (result === 'too_big') setProblem(t('logoTooBig'));
    else {
      setProblem(null);
      props.onChange(result);
    }
  }

  return (
    <div className={error ? 'field logo-field bad' : 'field logo-field'}>
      <span className="field-label">{t('logo')}</span>
      <div className="logo-row">
        {props.logo ? (
          <img className="logo-preview" src={props.logo} alt={t('logoAlt', { name: props.name })} />
        ) : (
          <span className="logo-preview empty">{t('noLogo')}</span>
        )}
        <div className="logo-actions">
          {/* The input comes first so its keyboard focus can outline the label after it. */}
          <input
            id={id}
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            data-testid="logo-file"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <label htmlFor={id} className="button secondary">
            {t('chooseLogo')}
          </label>
          {props.logo && (
            <button type="button" className="link danger" onClick={() => props.onChange(undefined)}>
              {t('removeLogo')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
