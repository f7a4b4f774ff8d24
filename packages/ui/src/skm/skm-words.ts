import { DEMOGRAPHIC_LABELS_ID } from '@antre/domain';
import type { DemographicField } from '@antre/domain';
import type { Language } from '../i18n';

export type { DemographicField } from '@antre/domain';
export const DEMOGRAPHIC_FIELDS: DemographicField[] = ['ageBand', 'sex', 'education', 'job'];

/**
 * English for the SKM elements and answers (our own translation; the Indonesian shown is the
 * regulation's wording as the hub serves it, PermenPANRB 14/2017).
 */
const ELEMENTS_EN: Record<string, { name: string; options: string[] }> = {
  U1: {
    name: 'Requirements',
    options: ['Not fitting', 'Barely fitting', 'Fitting', 'Very fitting'],
  },
  U2: {
    name: 'Systems, mechanisms and procedures',
    options: ['Not easy', 'Barely easy', 'Easy', 'Very easy'],
  },
  U3: { name: 'Completion time', options: ['Not fast', 'Barely fast', 'Fast', 'Very fast'] },
  U4: { name: 'Cost/fee', options: ['Very expensive', 'Rather expensive', 'Cheap', 'Free'] },
  U5: {
    name: 'What the service delivers',
    options: ['Not as specified', 'Barely as specified', 'As specified', 'Fully as specified'],
  },
  U6: {
    name: 'Staff competence',
    options: ['Not competent', 'Barely competent', 'Competent', 'Very competent'],
  },
  U7: {
    name: 'Staff behaviour',
    options: [
      'Not polite and friendly',
      'Barely polite and friendly',
      'Polite and friendly',
      'Very polite and friendly',
    ],
  },
  U8: { name: 'Facilities', options: ['Poor', 'Fair', 'Good', 'Very good'] },
  U9: {
    name: 'Handling of complaints and suggestions',
    options: ['None', 'Exists but does not work', 'Works, not fully', 'Well managed'],
  },
};

// The question each element asks, after the regulation's sample questionnaire, in plain words.
const QUESTIONS: Record<Language, Record<string, string>> = {
  id: {
    U1: 'Apakah persyaratan pelayanan sesuai dengan jenis pelayanannya?',
    U2: 'Apakah prosedur pelayanan di sini mudah?',
    U3: 'Seberapa cepat waktu pelayanannya?',
    U4: 'Bagaimana biaya atau tarif pelayanan ini?',
    U5: 'Apakah hasil pelayanan sesuai dengan yang tercantum di standar pelayanan?',
    U6: 'Bagaimana kemampuan petugas dalam melayani?',
    U7: 'Bagaimana kesopanan dan keramahan petugas?',
    U8: 'Bagaimana kualitas sarana dan prasarana (ruang tunggu, toilet, dan lainnya)?',
    U9: 'Bagaimana penanganan pengaduan, saran, dan masukan di sini?',
  },
  en: {
    U1: 'Do the requirements fit the kind of service?',
    U2: 'Was the procedure here easy?',
    U3: 'How fast was the service?',
    U4: 'How was the cost or fee of this service?',
    U5: 'Did you receive what the service standard promises?',
    U6: 'How able were the staff to serve you?',
    U7: 'How polite and friendly were the staff?',
    U8: 'How good are the facilities (waiting room, toilets and more)?',
    U9: 'How are complaints, suggestions and feedback handled here?',
  },
};

/** The element's name, its question and its answers in the visitor's language. */
export function elementWords(
  element: { element: string; name: string; options: string[] },
  language: Language,
): { name: string; options: string[]; question: string } {
  const words = (language === 'en' ? ELEMENTS_EN[element.element] : undefined) ?? element;
  return { ...words, question: QUESTIONS[language][element.element] ?? '' };
}

const DEMOGRAPHIC_LABELS: Record<Language, Record<DemographicField, Record<string, string>>> = {
  id: DEMOGRAPHIC_LABELS_ID,
  en: {
    ageBand: {
      '<20': 'Under 20',
      '20-29': '20–29',
      '30-39': '30–39',
      '40-49': '40–49',
      '50-59': '50–59',
      '>=60': '60 or older',
    },
    sex: { laki_laki: 'Male', perempuan: 'Female' },
    education: {
      sd: 'Primary school',
      smp: 'Junior high school',
      sma: 'Senior high school',
      d1_d3: 'Diploma (D1–D3)',
      s1_d4: 'Bachelor (S1/D4)',
      s2_plus: 'Master or higher',
    },
    job: {
      pns: 'Civil servant',
      tni_polri: 'Military/Police',
      swasta: 'Private employee',
      wirausaha: 'Self-employed',
      pelajar: 'Student',
      lainnya: 'Other',
    },
  },
};

export function demographicLabel(
  field: DemographicField,
  value: string,
  language: Language,
): string {
  return DEMOGRAPHIC_LABELS[language][field][value] ?? value;
}
