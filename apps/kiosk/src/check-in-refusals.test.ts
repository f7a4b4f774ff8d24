import type { RefusalDetail } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { checkInRefusal } from './check-in-refusals';
import { translate } from './messages';

// The kiosk words a refused check-in from the hub's structured detail, never from the
// English message (which is not even passed).

const id = translate('id');
const en = translate('en');

describe('checkInRefusal', () => {
  it.each<[string, 'id' | 'en', string, RefusalDetail, string]>([
    [
      'too early, in Indonesian',
      'id',
      'too_early',
      { time: '09:30' },
      'Check-in belum dibuka. Check-in dibuka pukul 09.30 WIB.',
    ],
    [
      'too early, in English',
      'en',
      'too_early',
      { time: '09:30' },
      'Check-in is not open yet. It opens at 09:30 WIB.',
    ],
    [
      'too late',
      'id',
      'too_late',
      { time: '09:15' },
      'Waktu check-in sudah lewat (batas pukul 09.15 WIB).',
    ],
    [
      'another day',
      'id',
      'not_today',
      { date: '2026-11-24' },
      'Booking ini untuk hari Selasa, 24 November 2026, bukan hari ini.',
    ],
    [
      'cancelled for a holiday',
      'id',
      'booking_cancelled',
      { reason: 'holiday', note: 'Cuti bersama' },
      'Booking ini sudah dibatalkan: hari libur Cuti bersama.',
    ],
    [
      'cancelled by the citizen',
      'en',
      'booking_cancelled',
      { reason: 'citizen' },
      'This booking was cancelled: cancelled by the person who booked.',
    ],
    [
      'cancelled for a reason the kiosk does not know',
      'id',
      'booking_cancelled',
      { note: 'gedung ditutup' },
      'Booking ini sudah dibatalkan: gedung ditutup.',
    ],
    ['cancelled without a reason', 'id', 'booking_cancelled', {}, 'Booking ini sudah dibatalkan.'],
  ])(
    'when the refusal is %s, then it reads as the visitor should see it',
    (_c, lang, code, detail, title) => {
      const t = lang === 'id' ? id : en;
      expect(checkInRefusal(t, lang, 'WIB', code, detail).title).toBe(title);
    },
  );

  it('when a refusal has no detail, then no bracket of the message leaks into the words', () => {
    const words = checkInRefusal(id, 'id', 'WIB', 'already_checked_in');
    expect(words).toEqual({
      title: 'Booking ini sudah check-in dan tiketnya sudah dicetak.',
      next: id('nextAlready'),
    });
  });
});
