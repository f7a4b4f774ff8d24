import type { Messages } from '../i18n';

const ID = {
  surveyTitle: 'Bagaimana pelayanan kami?',
  surveyAnonymous: 'Jawaban Anda anonim: tidak ada nama atau NIK yang dicatat.',
  surveyProgress: '{n} dari 9 terjawab',
  surveyDemographics: 'Data responden (tidak wajib)',
  surveyDemographicsNote:
    'Boleh dilewati. Langsung tekan "Kirim penilaian" jika tidak ingin mengisi.',
  surveyChoose: '— pilih —',
  ageBand: 'Usia',
  sex: 'Jenis kelamin',
  education: 'Pendidikan terakhir',
  job: 'Pekerjaan',
  surveySubmit: 'Kirim penilaian',
  surveySending: 'Mengirim…',
  stepCount: 'Pertanyaan {n} dari {total}',
  stepPrevious: 'Pertanyaan sebelumnya',
  stepNext: 'Lanjut',
  stepLast: 'Hampir selesai',
  errorOffline: 'Tidak tersambung ke server. Coba lagi sebentar.',
  errorSurvey: 'Jawaban belum terkirim. Silakan coba lagi.',
};

export const SKM_MESSAGES: Messages<keyof typeof ID> = {
  id: ID,
  en: {
    surveyTitle: 'How was our service?',
    surveyAnonymous: 'Your answers are anonymous: no name or NIK is recorded.',
    surveyProgress: '{n} of 9 answered',
    surveyDemographics: 'About you (optional)',
    surveyDemographicsNote: 'You may skip this. Press "Send my rating" if you prefer not to say.',
    surveyChoose: '— choose —',
    ageBand: 'Age',
    sex: 'Sex',
    education: 'Highest education',
    job: 'Occupation',
    surveySubmit: 'Send my rating',
    surveySending: 'Sending…',
    stepCount: 'Question {n} of {total}',
    stepPrevious: 'Previous question',
    stepNext: 'Next',
    stepLast: 'Almost done',
    errorOffline: 'Not connected to the server. Try again shortly.',
    errorSurvey: 'Your answers were not sent. Please try again.',
  },
};

export type SkmMessageKey = keyof typeof ID;
