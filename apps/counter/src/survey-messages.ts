import type { Messages } from '@antre/ui';
import { translator } from '@antre/ui';

// The SKM at the counter: the officer's "ask for the survey" and the visitor-facing tablet.
const id = {
  askSurvey: 'Minta survei',
  askSurveyHint: 'Setelah Selesai, survei kepuasan muncul di tablet pengunjung.',
  surveySent: 'Survei {label} dibuka di tablet.',
  surveyNoTablet:
    'Tablet survei belum tersambung. Buka {url} di tablet dan masuk dengan akun Anda.',
  surveyNotSent: 'Survei {label} tidak dapat dibuka di tablet.',
  tabletTitle: 'Tablet survei',
  tabletLogin: 'Masuk untuk tablet survei pengunjung',
  tabletChooseCounter: 'Tablet ini berada di loket mana?',
  tabletChooseHint: 'Pilihan ini diingat di tablet ini.',
  tabletThanks: 'Terima kasih',
  tabletIdleNote: 'Setelah Anda dilayani, survei kepuasan singkat akan muncul di layar ini.',
  tabletOffline: 'Tablet tidak tersambung ke server. Menyambung kembali…',
  tabletIntro: 'Layanan {service} di {counter}',
  tabletThanksAfter: 'Penilaian Anda sudah kami terima. Semoga hari Anda menyenangkan.',
  tabletSignOut: 'Keluar',
  tabletChangeCounter: 'Ganti loket',
  language: 'English',
};

export const SURVEY_MESSAGES: Messages<keyof typeof id> = {
  id,
  en: {
    askSurvey: 'Ask for the survey',
    askSurveyHint: 'After Finish, the satisfaction survey appears on the visitor tablet.',
    surveySent: 'The survey for {label} is open on the tablet.',
    surveyNoTablet:
      'No survey tablet is connected. Open {url} on the tablet and sign in with your account.',
    surveyNotSent: 'The survey for {label} could not be opened on the tablet.',
    tabletTitle: 'Survey tablet',
    tabletLogin: 'Sign in for the visitor survey tablet',
    tabletChooseCounter: 'Which counter is this tablet at?',
    tabletChooseHint: 'This choice is remembered on this tablet.',
    tabletThanks: 'Thank you',
    tabletIdleNote: 'Once you have been served, a short satisfaction survey appears here.',
    tabletOffline: 'The tablet is not connected to the server. Reconnecting…',
    tabletIntro: '{service} at {counter}',
    tabletThanksAfter: 'We received your rating. Have a pleasant day.',
    tabletSignOut: 'Sign out',
    tabletChangeCounter: 'Change counter',
    language: 'Bahasa Indonesia',
  },
};

export type SurveyMessageKey = keyof typeof id;
export const surveyTranslator = (language: 'id' | 'en') => translator(SURVEY_MESSAGES, language);
export type SurveyTranslate = ReturnType<typeof surveyTranslator>;
