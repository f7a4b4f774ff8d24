// Renders every announcement clip with espeak-ng into resources/audio/<lang>/<clip>.wav, and
// synthesises the chime. Run: npm run voice:generate [-- --building path/to/building.json]
// A site replaces any clip by putting its own recording of the same name in
// <data-dir>/audio/<lang>/ (the hub prefers it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VoiceLanguage } from '../packages/voice/src/index';
import { agencyClip, CHIME, clipTexts, VOICE_LANGUAGES } from '../packages/voice/src/index';
import { decodeWav, encodeWav, resample, trimSilence, twoToneChime } from './voice/wav';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'resources', 'audio');
const RATE = 16_000;
// espeak-ng voices and a calm speed for a hall with echo.
const VOICES: Record<VoiceLanguage, { voice: string; wordsPerMinute: number }> = {
  id: { voice: 'id', wordsPerMinute: 135 },
  en: { voice: 'en', wordsPerMinute: 140 },
};

function agencyTexts(buildingFile: string): Record<string, string> {
  const building = JSON.parse(readFileSync(buildingFile, 'utf8')) as {
    agencies: { id: string; shortName: string }[];
  };
  return Object.fromEntries(building.agencies.map((a) => [agencyClip(a.id), a.shortName]));
}

function speak(language: VoiceLanguage, text: string): Buffer {
  const { voice, wordsPerMinute } = VOICES[language];
  const result = spawnSync(
    'espeak-ng',
    ['-v', voice, '-s', String(wordsPerMinute), '--stdout', text],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.error || result.status !== 0)
    throw new Error(
      `espeak-ng failed for "${text}" (${language}): ${result.error?.message ?? result.stderr.toString()}` +
        '\nInstall it first, e.g. apt-get install espeak-ng',
    );
  return result.stdout;
}

function main(): void {
  const at = process.argv.indexOf('--building');
  const buildingFile =
    at > 0 ? process.argv[at + 1]! : join(ROOT, 'resources', 'demo-building.json');
  const agencies = agencyTexts(buildingFile);
  const chime = encodeWav(twoToneChime(RATE), RATE);
  for (const language of VOICE_LANGUAGES) {
    const dir = join(OUT, language);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${CHIME}.wav`), chime);
    // Agency names are proper nouns: recorded once, in Indonesian, for every language.
    const texts = { ...clipTexts(language), ...(language === 'id' ? agencies : {}) };
    for (const [clip, text] of Object.entries(texts)) {
      const wav = decodeWav(speak(language, text));
      const samples = trimSilence(resample(wav.samples, wav.rate, RATE), RATE);
      writeFileSync(join(dir, `${clip}.wav`), encodeWav(samples, RATE));
    }
    console.log(`${language}: ${Object.keys(texts).length + 1} clips`);
  }
  const bytes = VOICE_LANGUAGES.flatMap((l) =>
    readdirSync(join(OUT, l)).map((f) => statSync(join(OUT, l, f)).size),
  ).reduce((a, b) => a + b, 0);
  console.log(`resources/audio: ${(bytes / 1024).toFixed(0)} KiB in all`);
}

main();
