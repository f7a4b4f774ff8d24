import { useState } from 'react';
import { TextField } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import type { Refusal } from '../config-api';
import type { MessageTexts } from './notify-api';
import { notifyApi } from './notify-api';
import type { NotifySectionProps } from './notify-props';
import { fieldErrors } from '@antre/ui';

/** The text as a visitor reads it, with the sample values in place of {placeholders}. */
export const previewOf = (text: string, samples: Record<string, string>): string =>
  text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => samples[name] ?? whole);

/** One message's text in one language: edit, see it filled in, save or go back to the default. */
export function MessageTextEditor(
  props: NotifySectionProps & {
    entry: MessageTexts;
    textLanguage: 'id' | 'en';
    onSaved: () => Promise<void>;
  },
) {
  const { t, entry, textLanguage } = props;
  const stored = entry[textLanguage];
  const [draft, setDraft] = useState(stored.text);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    setBusy(true);
    // The default, saved as it is, is no edit: the hub keeps following its own text.
    const text = draft.trim() === stored.default ? '' : draft;
    const answer = await notifyApi.saveText(props.session.token, entry.message, textLanguage, text);
    setBusy(false);
    if (answer.ok) {
      setRefusal(null);
      setSaved(true);
      await props.onSaved();
    } else if (answer.status === 401) props.onUnauthorized();
    else setRefusal(answer);
  }
  const fieldError = fieldErrors(refusal).text;
  const label = textLanguage === 'id' ? t('textIndonesian') : t('textEnglish');

  return (
    <form
      className="text-editor"
      aria-label={label}
      data-testid={`text-${textLanguage}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={label}
        value={draft}
        multiline
        onChange={(text) => {
          setDraft(text);
          setRefusal(null);
          setSaved(false);
        }}
        error={fieldError}
      />
      {refusal && !fieldError && (
        <p className="form-error" role="alert">
          {t('notifyRefused', { reason: refusalText(refusal.error, props.language) })}
        </p>
      )}
      <p className="muted text-state">
        {draft !== stored.text
          ? t('unsaved')
          : stored.edited
            ? t('textIsEdited')
            : t('textIsDefault')}
      </p>
      <figure className="text-preview">
        <figcaption>{t('previewSample')}</figcaption>
        <p data-testid={`preview-${textLanguage}`}>{previewOf(draft, entry.samples)}</p>
      </figure>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || draft === stored.text}>
          {busy ? t('saving') : t('save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={draft === stored.default}
          onClick={() => {
            setDraft(stored.default);
            setRefusal(null);
            setSaved(false);
          }}
        >
          {t('reset')}
        </button>
        {saved && draft === stored.text && (
          <span className="saved-mark" role="status">
            {t('textSaved')}
          </span>
        )}
      </div>
    </form>
  );
}
