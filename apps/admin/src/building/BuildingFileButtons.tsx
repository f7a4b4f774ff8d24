import type { Language } from '@antre/ui';
import { useRef } from 'react';
import { configApi } from '../config-api';
import { conflictText, refusalText } from '../conflict-messages';
import { importProblems } from './import-problems';
import { fieldErrors } from '@antre/ui';
import type { Translate } from '../messages';

/** Export downloads the hub's file; import sends a chosen file, which the hub validates first. */
export function BuildingFileButtons(props: {
  t: Translate;
  language: Language;
  token: string;
  /** The page reloads the building, then says what was imported. */
  onImported: () => Promise<void>;
  onNotice: (n: { text: string; kind: 'ok' | 'bad' }) => void;
}) {
  const { t, token } = props;
  const input = useRef<HTMLInputElement>(null);

  async function download(): Promise<void> {
    const answer = await configApi.exportBuilding(token);
    if (!answer.ok)
      return props.onNotice({
        text: t('refused', { reason: refusalText(answer.error, props.language) }),
        kind: 'bad',
      });
    const blob = new Blob([JSON.stringify(answer.value, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `antre-building-${answer.value.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function upload(file: File): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return props.onNotice({ text: t('notJson'), kind: 'bad' });
    }
    const answer = await configApi.importBuilding(token, parsed);
    if (answer.ok) return props.onImported();
    // One bad field a line (the notice keeps line breaks); a 409 has reasons, not fields.
    const problems = importProblems(fieldErrors(answer), parsed, props.language);
    props.onNotice({
      text: t('importInvalid', {
        detail:
          problems.length > 0
            ? `\n${problems.join('\n')}`
            : conflictText(answer.error, props.language),
      }),
      kind: 'bad',
    });
  }

  return (
    <div className="exports">
      <button type="button" className="secondary" onClick={() => void download()}>
        {t('exportFile')}
      </button>
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        {t('importFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
    </div>
  );
}
