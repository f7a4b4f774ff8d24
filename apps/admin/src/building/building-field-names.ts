// What each key of a building file is called, for reading the hub's paths
// (`building.services.3.prefix`) aloud. Shorter than the forms' labels: they name, not explain.

export interface Words {
  id: string;
  en: string;
}

/** A key as a field, or as a whole list (`zones: Too small…`). */
export const FIELD_NAMES: Record<string, Words> = {
  // The hub's name for the file as a whole (`(root)`): not JSON of the right shape at all.
  file: { id: 'Berkas', en: 'File' },
  format: { id: 'Jenis berkas', en: 'File type' },
  version: { id: 'Versi berkas', en: 'File version' },
  exportedAt: { id: 'Tanggal ekspor', en: 'Export date' },
  building: { id: 'Konfigurasi gedung', en: 'Building configuration' },
  site: { id: 'Pengaturan gedung', en: 'Site settings' },
  zones: { id: 'Zona', en: 'Zones' },
  agencies: { id: 'Instansi', en: 'Agencies' },
  services: { id: 'Layanan', en: 'Services' },
  counters: { id: 'Loket', en: 'Counters' },
  holidays: { id: 'Hari libur', en: 'Holidays' },
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  procedure: { id: 'Prosedur', en: 'Procedure' },
  id: { id: 'Kode', en: 'Id' },
  name: { id: 'Nama', en: 'Name' },
  shortName: { id: 'Nama singkat', en: 'Short name' },
  contact: { id: 'Kontak', en: 'Contact' },
  logo: { id: 'Logo', en: 'Logo' },
  timezone: { id: 'Zona waktu', en: 'Time zone' },
  hours: { id: 'Jam kerja', en: 'Working hours' },
  date: { id: 'Tanggal', en: 'Date' },
  fridayPrayerBreak: { id: 'Istirahat salat Jumat', en: 'Friday prayer break' },
  noShowRequeueMinutes: {
    id: 'Batas kembali setelah tidak hadir',
    en: 'Late return after a no-show',
  },
  recallsBeforeNoShow: { id: 'Panggil ulang sebelum tidak hadir', en: 'Recalls before a no-show' },
  autoServeOnCall: { id: 'Langsung melayani saat dipanggil', en: 'Serve as soon as called' },
  expireAfterCloseMinutes: { id: 'Kedaluwarsa setelah tutup', en: 'Expiry after closing' },
  agencyId: { id: 'Instansi', en: 'Agency' },
  zoneId: { id: 'Zona', en: 'Zone' },
  serviceId: { id: 'Kode layanan', en: 'Service id' },
  prefix: { id: 'Awalan', en: 'Prefix' },
  dailyQuota: { id: 'Kuota harian', en: 'Daily quota' },
  targetWaitMinutes: { id: 'Target tunggu', en: 'Target wait' },
  defaultServiceMinutes: { id: 'Lama layanan awal', en: 'Default service time' },
  priorityRule: { id: 'Aturan prioritas', en: 'Priority rule' },
  kind: { id: 'Jenis', en: 'Kind' },
  regularPerPriority: { id: 'Biasa per prioritas', en: 'Regular per priority' },
  standard: { id: 'Standar pelayanan', en: 'Service standard' },
  duration: { id: 'Waktu penyelesaian', en: 'Completion time' },
  cost: { id: 'Biaya/tarif', en: 'Cost/tariff' },
  product: { id: 'Produk layanan', en: 'Service product' },
  complaints: { id: 'Penanganan pengaduan', en: 'Complaint handling' },
  active: { id: 'Aktif', en: 'Active' },
  number: { id: 'Nomor loket', en: 'Counter number' },
  selection: { id: 'Cara memilih', en: 'Selection' },
  weight: { id: 'Bobot', en: 'Weight' },
  open: { id: 'Buka', en: 'Opens' },
  close: { id: 'Tutup', en: 'Closes' },
  sun: { id: 'Minggu', en: 'Sunday' },
  mon: { id: 'Senin', en: 'Monday' },
  tue: { id: 'Selasa', en: 'Tuesday' },
  wed: { id: 'Rabu', en: 'Wednesday' },
  thu: { id: 'Kamis', en: 'Thursday' },
  fri: { id: 'Jumat', en: 'Friday' },
  sat: { id: 'Sabtu', en: 'Saturday' },
};

/** What one entry of a list is called: `Layanan «KTP-el»`, `Hari libur 3`. */
export const ITEM_NAMES: Record<string, Words> = {
  zones: { id: 'Zona', en: 'Zone' },
  agencies: { id: 'Instansi', en: 'Agency' },
  services: { id: 'Layanan', en: 'Service' },
  counters: { id: 'Loket', en: 'Counter' },
  holidays: { id: 'Hari libur', en: 'Holiday' },
  requirements: { id: 'Persyaratan', en: 'Requirement' },
  procedure: { id: 'Langkah prosedur', en: 'Procedure step' },
};
