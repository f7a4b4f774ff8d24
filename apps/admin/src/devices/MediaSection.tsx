import type { MediaItem } from '@antre/protocol';
import { MEDIA_UPLOAD_TYPES } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { Language } from '@antre/ui';
import { Notice } from '../components/ConfigField';
import { refusalText } from '../conflict-messages';
import { deviceApi } from './device-api';
import { HUB_URL } from '../session';
import type { Translate } from '../messages';

const ACCEPT = Object.keys(MEDIA_UPLOAD_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** A name the hub takes as is: letters, digits, spaces, dots, dashes and brackets. */
export function safeMediaName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const base = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .replace(/[^\w .()-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return `${base || 'media'}.${ext}`;
}

/** The images and videos boards show: thumbnails, upload, delete. Boards pick changes up live. */
export function MediaSection(props: { token: string; t: Translate; language: Language }) {
  const { t, token } = props;
  const [items, setItems] = useState<MediaItem[]>([]);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);

  const load = async () => {
    const answer = await deviceApi.media(token);
    if (answer.ok) setItems(answer.value);
  };
  useEffect(() => void load(), [token]);

  async function upload(file: File): Promise<void> {
    const name = safeMediaName(file.name);
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const type = MEDIA_UPLOAD_TYPES[ext];
    if (!type)
      return setNotice({ text: t('uploadFailed', { name, reason: t('badType') }), kind: 'bad' });
    setNotice({ text: t('uploading', { name }), kind: 'ok' });
    const answer = await deviceApi.upload(token, name, file, type);
    if (!answer.ok) {
      const reason =
        answer.status === 413
          ? t('tooLarge')
          : answer.status === 400 || answer.status === 415
            ? t('badType')
            : refusalText(answer.error, props.language);
      return setNotice({ text: t('uploadFailed', { name, reason }), kind: 'bad' });
    }
    setNotice({ text: t('uploaded', { name }), kind: 'ok' });
    await load();
  }

  async function remove(item: MediaItem): Promise<void> {
    if (!window.confirm(t('confirmDelete', { name: item.name }))) return;
    const answer = await deviceApi.deleteMedia(token, item.name);
    if (answer.ok) setItems(answer.value);
    else await load();
  }

  return (
    <section className="config-list media" aria-label={t('mediaTitle')}>
      <h2>{t('mediaTitle')}</h2>
      <p className="muted">{t('mediaHint')}</p>
      <Notice text={notice?.text ?? null} kind={notice?.kind ?? 'ok'} />
      <label className="button-like">
        {t('upload')}
        <input
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          onChange={(ev) => {
            const file = ev.target.files?.[0];
            ev.target.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      {items.length === 0 && <p className="muted">{t('noMedia')}</p>}
      <ul className="media-grid" data-testid="media">
        {items.map((item) => (
          <li key={item.name}>
            {item.kind === 'image' ? (
              <img src={`${HUB_URL}${item.url}`} alt="" loading="lazy" />
            ) : (
              <video
                src={`${HUB_URL}${item.url}`}
                muted
                preload="metadata"
                aria-label={t('video')}
              />
            )}
            <span className="media-name">{item.name}</span>
            <button
              type="button"
              className="link danger"
              aria-label={t('deleteMedia', { name: item.name })}
              onClick={() => void remove(item)}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
