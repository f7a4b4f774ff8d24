import type { Language, Messages } from '@antre/ui';
import { translator } from '@antre/ui';

// The SKM at the kiosk; few and plain words, like the rest of the kiosk.
const id = {
  entryTitle: 'Isi survei kepuasan',
  entryNote: 'Sudah dilayani? Beri penilaian untuk layanan hari ini.',
  numberTitle: 'Ketik nomor antrean Anda',
  numberHint: 'Nomor ada di tiket Anda, misalnya A-012. Tekan huruf, lalu angka.',
  numberEmpty: 'Belum ada nomor',
  erase: 'Hapus',
  check: 'Lanjut',
  checking: 'Memeriksa…',
  notFound: 'Nomor {number} tidak ditemukan hari ini. Periksa nomor pada tiket Anda.',
  notServed: 'Nomor {number} belum selesai dilayani. Survei dapat diisi setelah pelayanan selesai.',
  answered: 'Survei untuk nomor {number} sudah diisi. Terima kasih!',
  failed: 'Nomor belum dapat diperiksa. Silakan coba lagi.',
  surveyIntro: 'Nomor {number} · {service}',
  thanksTitle: 'Terima kasih',
  thanksNote: 'Penilaian Anda sudah kami terima dan membantu kami melayani lebih baik.',
  done: 'Selesai',
};

const MESSAGES: Messages<keyof typeof id> = {
  id,
  en: {
    entryTitle: 'Rate our service',
    entryNote: 'Already served? Tell us how today’s service was.',
    numberTitle: 'Type your queue number',
    numberHint: 'The number is on your ticket, e.g. A-012. Press the letter, then the digits.',
    numberEmpty: 'No number yet',
    erase: 'Erase',
    check: 'Continue',
    checking: 'Checking…',
    notFound: 'Number {number} was not found today. Check the number on your ticket.',
    notServed: 'Number {number} has not been served yet. The survey opens once it is.',
    answered: 'The survey for number {number} has already been answered. Thank you!',
    failed: 'The number could not be checked. Please try again.',
    surveyIntro: 'Number {number} · {service}',
    thanksTitle: 'Thank you',
    thanksNote: 'We received your rating. It helps us serve you better.',
    done: 'Done',
  },
};

export type SurveyWord = keyof typeof id;
export const surveyWords = (language: Language) => translator(MESSAGES, language);
export type SurveyWords = ReturnType<typeof surveyWords>;
