import type { Language, Messages } from '@antre/ui';
import { translator } from '@antre/ui';

// The people page's words for editing and sign-in locks, beside config-messages.
const id = {
  edit: 'Ubah',
  editTitle: 'Ubah {name}',
  save: 'Simpan perubahan',
  cancel: 'Batal',
  updated: 'Perubahan {name} tersimpan.',
  sessionsEnd:
    'Peran atau instansi baru berlaku saat {name} masuk lagi; sesi yang terbuka diakhiri.',
  ownRole: 'Peran dan instansi Anda sendiri tidak dapat diubah di sini.',
  lockedUntil: 'Terkunci sampai {time}',
  lockedHint: 'Terlalu banyak sandi salah. Buka kunci bila orangnya sudah dipastikan.',
  unlock: 'Buka kunci',
  unlocked: '{name} dapat masuk lagi.',
} as const;

type Key = keyof typeof id;

const MESSAGES: Messages<Key> = {
  id,
  en: {
    edit: 'Edit',
    editTitle: 'Edit {name}',
    save: 'Save changes',
    cancel: 'Cancel',
    updated: 'Changes to {name} saved.',
    sessionsEnd: 'A new role or agency applies when {name} signs in again; open sessions end.',
    ownRole: 'Your own role and agency cannot be changed here.',
    lockedUntil: 'Locked until {time}',
    lockedHint: 'Too many wrong passwords. Unlock once you know it is really them.',
    unlock: 'Unlock',
    unlocked: '{name} can sign in again.',
  },
};

export type UserT = (key: Key, values?: Record<string, string | number>) => string;
export const userT = (language: Language): UserT => translator(MESSAGES, language);
