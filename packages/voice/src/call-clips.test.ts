import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { announcementClips, callClips, ticketClips } from './call-clips';
import { LETTER_NAMES, LETTERS, letterClip } from './letters';
import { clipTexts } from './vocabulary';

const call = { label: 'A-123', counterNumber: 3, agencyId: 'disdukcapil' };

describe('the clips of a ticket', () => {
  it.each([
    ['A-123', 'letter-a seratus dua puluh tiga'],
    ['A-001', 'letter-a satu'],
    ['A-007', 'letter-a tujuh'],
    ['B-010', 'letter-b sepuluh'],
    ['C-011', 'letter-c sebelas'],
    ['AA-012', 'letter-a letter-a dua belas'],
    ['AO-100', 'letter-a letter-o seratus'],
    ['Z-1000', 'letter-z seribu'],
    ['Q-999', 'letter-q sembilan ratus sembilan puluh sembilan'],
    ['a-5', 'letter-a lima'],
    ['A-000', 'letter-a nol'],
  ])('when the ticket is %s, then it is read as %s', (label, clips) => {
    expect(ticketClips(label).join(' ')).toBe(clips);
  });

  it.each(LETTERS)('when the prefix is %s, then its Indonesian name is spoken', (letter) => {
    const [clip] = ticketClips(`${letter}-1`);
    expect(clip).toBe(letterClip(letter));
    expect(clipTexts('id')[clip!]).toBe(LETTER_NAMES.id[letter]);
  });

  it('when letters are named, then they follow the Indonesian alphabet', () => {
    const names = LETTERS.map((l) => LETTER_NAMES.id[l]).join(' ');
    expect(names).toBe(
      'a be ce de e ef ge ha i je ka el em en o pe ki er es te u fe we eks ye zet',
    );
  });
});

describe("a call's clip list", () => {
  it('when a call is made, then it is chime, nomor antrean, ticket, silakan menuju, loket, number', () => {
    expect(callClips(call)).toEqual([
      'chime',
      'nomor-antrean',
      'letter-a',
      'seratus',
      'dua',
      'puluh',
      'tiga',
      'silakan-menuju',
      'loket',
      'tiga',
    ]);
  });

  it.each([
    [
      { label: 'AA-012', counterNumber: 12, agencyId: 'x' },
      {},
      'chime nomor-antrean letter-a letter-a dua belas silakan-menuju loket dua belas',
    ],
    [
      call,
      { withAgency: true },
      'chime nomor-antrean letter-a seratus dua puluh tiga silakan-menuju loket tiga agency-disdukcapil',
    ],
    [
      call,
      { language: 'en' as const },
      'chime ticket-number letter-a one hundred twenty three please-proceed-to counter three',
    ],
    [
      call,
      { chime: false },
      'nomor-antrean letter-a seratus dua puluh tiga silakan-menuju loket tiga',
    ],
    [
      { label: 'C-104', counterNumber: 14, agencyId: 'imigrasi', floor: 2 },
      { withAgency: true },
      'chime nomor-antrean letter-c seratus empat silakan-menuju loket empat belas agency-imigrasi lantai dua',
    ],
    [
      { label: 'C-104', counterNumber: 14, agencyId: 'imigrasi', floor: 2 },
      { language: 'en' as const },
      'chime ticket-number letter-c one hundred four please-proceed-to counter fourteen floor two',
    ],
    [
      { label: 'C-104', counterNumber: 14, agencyId: 'imigrasi', floor: null },
      {},
      'chime nomor-antrean letter-c seratus empat silakan-menuju loket empat belas',
    ],
  ])('when the call is %j with %j, then the clips are %s', (c, options, clips) => {
    expect(callClips(c, options).join(' ')).toBe(clips);
  });

  it('when every clip of many calls is listed, then each one has a text to generate it from', () => {
    for (const language of ['id', 'en'] as const) {
      const texts = clipTexts(language);
      for (let n = 0; n <= 9999; n += 7) {
        const clips = callClips(
          { label: `AZ-${n}`, counterNumber: n % 60, agencyId: 'x', floor: n % 12 },
          { language },
        );
        expect(clips.filter((c) => c !== 'chime' && !(c in texts))).toEqual([]);
      }
    }
  });
});

describe('the recorded clips', () => {
  it('when a language lists its clips, then resources/audio has a recording of each', () => {
    for (const language of ['id', 'en'] as const) {
      const folder = new URL(`../../../resources/audio/${language}/`, import.meta.url);
      const missing = Object.keys(clipTexts(language)).filter(
        (clip) => !existsSync(new URL(`${clip}.wav`, folder)),
      );
      expect(missing).toEqual([]);
    }
  });
});

describe('an announcement', () => {
  it('when only Indonesian is set, then one chime and the call once', () => {
    expect(
      announcementClips(call, { languages: ['id'], withAgency: false, repeat: false }),
    ).toEqual(['id/chime', ...callClips(call, { chime: false }).map((c) => `id/${c}`)]);
  });

  it('when English is the second language and the call repeats, then id, en, id, en after one chime', () => {
    const clips = announcementClips(call, {
      languages: ['id', 'en'],
      withAgency: false,
      repeat: true,
    });
    const id = callClips(call, { chime: false }).map((c) => `id/${c}`);
    const en = callClips(call, { chime: false, language: 'en' }).map((c) => `en/${c}`);
    expect(clips).toEqual(['id/chime', ...id, ...en, ...id, ...en]);
    expect(clips.filter((c) => c.endsWith('/chime'))).toHaveLength(1);
  });

  it("when the agency is announced in English too, then the agency's one Indonesian recording is used", () => {
    const clips = announcementClips(call, {
      languages: ['id', 'en'],
      withAgency: true,
      repeat: false,
    });
    expect(clips.filter((c) => c.includes('agency-'))).toEqual([
      'id/agency-disdukcapil',
      'id/agency-disdukcapil',
    ]);
  });
});
