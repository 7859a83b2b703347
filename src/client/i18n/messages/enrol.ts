import type { Messages } from '../types';

// The enrolment form: labels of every field and code, its warnings, and the storage layer's
// errors (`client-error.<code>`, the codes of src/client/db/errors.ts).
export const enrol: Messages = {
  'enrol.title.new': { id: 'Daftarkan pekerja', en: 'Register a worker' },
  'enrol.title.edit': { id: 'Ubah data pekerja', en: 'Edit a worker’s record' },
  'enrol.loading': { id: 'Memuat formulir…', en: 'Loading the form…' },
  'enrol.required-note': { id: 'Tanda * wajib diisi.', en: 'Fields marked * are required.' },
  'enrol.section.identity': { id: 'Identitas (sesuai KTP)', en: 'Identity (as on the ID card)' },
  'enrol.section.address': { id: 'Tempat tinggal', en: 'Residence' },
  'enrol.section.work': { id: 'Pekerjaan dan perlindungan', en: 'Work and protection' },
  'enrol.section.extra': { id: 'Data tambahan (tidak wajib)', en: 'Additional data (optional)' },
  'enrol.section.consent': { id: 'Pemberitahuan privasi', en: 'Privacy notice' },
  'enrol.choose': { id: '— Pilih —', en: '— Choose —' },

  'enrol.field.nik': { id: 'NIK (16 angka)', en: 'NIK (16 digits)' },
  'enrol.field.fullName': { id: 'Nama lengkap sesuai KTP', en: 'Full name as on the ID card' },
  'enrol.field.birthDate': { id: 'Tanggal lahir', en: 'Date of birth' },
  'enrol.field.sex': { id: 'Jenis kelamin', en: 'Sex' },
  'enrol.sex.L': { id: 'Laki-laki', en: 'Male' },
  'enrol.sex.P': { id: 'Perempuan', en: 'Female' },
  'enrol.field.province': { id: 'Provinsi', en: 'Province' },
  'enrol.field.regency': { id: 'Kabupaten/Kota', en: 'Regency/City' },
  'enrol.field.district': { id: 'Kecamatan', en: 'District' },
  'enrol.field.villageCode': { id: 'Desa/Kelurahan', en: 'Village' },
  'enrol.field.address': { id: 'Alamat (jalan, kampung, dusun)', en: 'Address (street, hamlet)' },
  'enrol.field.rt': { id: 'RT', en: 'RT (neighbourhood)' },
  'enrol.field.rw': { id: 'RW', en: 'RW (hamlet)' },
  'enrol.field.occupation': { id: 'Pekerjaan', en: 'Occupation' },
  'enrol.field.occupationOther': { id: 'Sebutkan pekerjaannya', en: 'Name the occupation' },
  'enrol.field.monthlyIncome': { id: 'Penghasilan per bulan (Rp)', en: 'Monthly income (Rp)' },
  'enrol.hint.monthlyIncome': {
    id: 'Iuran dihitung dari angka ini. Paket minimum: Rp 1.000.000.',
    en: 'Contributions are based on this figure. Minimum package: Rp 1,000,000.',
  },
  'enrol.field.fundingSource': { id: 'Sumber iuran', en: 'Who pays the contribution' },
  'enrol.field.coverageStart': { id: 'Perlindungan mulai (bulan)', en: 'Protection starts (month)' },
  'enrol.field.coverageEnd': { id: 'Perlindungan berakhir (bulan)', en: 'Protection ends (month)' },
  'enrol.field.birthPlace': { id: 'Tempat lahir', en: 'Place of birth' },
  'enrol.field.motherName': { id: 'Nama ibu kandung', en: 'Mother’s maiden name' },
  'enrol.field.phone': { id: 'Nomor HP', en: 'Mobile number' },
  'enrol.field.kkNumber': { id: 'Nomor KK (16 angka)', en: 'Family card number (16 digits)' },
  'enrol.field.maritalStatus': { id: 'Status perkawinan', en: 'Marital status' },
  'enrol.field.heir.name': { id: 'Nama ahli waris', en: 'Heir’s name' },
  'enrol.field.heir.relationship': { id: 'Hubungan ahli waris', en: 'Heir’s relationship' },
  'enrol.field.heir.phone': { id: 'Nomor HP ahli waris', en: 'Heir’s mobile number' },
  'enrol.field.consent': {
    id: 'Pemberitahuan ini sudah dibacakan atau dibaca pekerja, dan pekerja setuju datanya dipakai untuk pendaftaran.',
    en: 'The worker has read or been read this notice and agrees to their data being used for enrolment.',
  },
  'enrol.field.nikMismatchConfirmed': {
    id: 'Saya sudah memeriksa KTP: tanggal lahir dan jenis kelamin yang saya isi benar.',
    en: 'I checked the ID card: the date of birth and sex I entered are right.',
  },

  'enrol.occupation.petani': { id: 'Petani', en: 'Farmer' },
  'enrol.occupation.buruh-tani': { id: 'Buruh tani', en: 'Farm labourer' },
  'enrol.occupation.pekebun': { id: 'Pekebun', en: 'Smallholder planter' },
  'enrol.occupation.peternak': { id: 'Peternak', en: 'Livestock farmer' },
  'enrol.occupation.nelayan': { id: 'Nelayan', en: 'Fisher' },
  'enrol.occupation.pedagang': { id: 'Pedagang', en: 'Trader' },
  'enrol.occupation.buruh-bangunan': { id: 'Buruh bangunan', en: 'Construction labourer' },
  'enrol.occupation.ojek': { id: 'Ojek', en: 'Motorcycle-taxi driver' },
  'enrol.occupation.sopir': { id: 'Sopir', en: 'Driver' },
  'enrol.occupation.pengrajin': { id: 'Pengrajin', en: 'Craftsperson' },
  'enrol.occupation.asisten-rumah-tangga': { id: 'Asisten rumah tangga', en: 'Domestic worker' },
  'enrol.occupation.rt-rw': { id: 'Ketua/pengurus RT/RW', en: 'RT/RW officer' },
  'enrol.occupation.marbot': { id: 'Marbot masjid', en: 'Mosque caretaker' },
  'enrol.occupation.guru-ngaji': { id: 'Guru ngaji', en: 'Quran teacher' },
  'enrol.occupation.lainnya': { id: 'Lainnya…', en: 'Other…' },

  'enrol.funding.apbd-provinsi': { id: 'APBD Provinsi', en: 'Provincial budget (APBD)' },
  'enrol.funding.apbd-kabupaten': { id: 'APBD Kabupaten/Kota', en: 'Regency budget (APBD)' },
  'enrol.funding.dana-desa': { id: 'Dana Desa', en: 'Village Fund' },
  'enrol.funding.dbhcht': { id: 'DBHCHT (cukai hasil tembakau)', en: 'Tobacco excise share (DBHCHT)' },
  'enrol.funding.csr': { id: 'CSR perusahaan', en: 'Company CSR' },
  'enrol.funding.mandiri': { id: 'Mandiri (bayar sendiri)', en: 'Self-paid' },

  'enrol.marital.belum-kawin': { id: 'Belum kawin', en: 'Single' },
  'enrol.marital.kawin': { id: 'Kawin', en: 'Married' },
  'enrol.marital.cerai-hidup': { id: 'Cerai hidup', en: 'Divorced' },
  'enrol.marital.cerai-mati': { id: 'Cerai mati', en: 'Widowed' },

  'enrol.relationship.suami': { id: 'Suami', en: 'Husband' },
  'enrol.relationship.istri': { id: 'Istri', en: 'Wife' },
  'enrol.relationship.anak': { id: 'Anak', en: 'Child' },
  'enrol.relationship.orang-tua': { id: 'Orang tua', en: 'Parent' },
  'enrol.relationship.saudara': { id: 'Saudara kandung', en: 'Sibling' },
  'enrol.relationship.lainnya': { id: 'Lainnya', en: 'Other' },

  'enrol.notice.body': {
    id: 'Data pekerja (NIK, nama, tanggal lahir, alamat, nomor HP) dikumpulkan oleh pemerintah desa hanya untuk pendaftaran program perlindungan BPJS Ketenagakerjaan, dikirim ke BPJS Ketenagakerjaan dan pemerintah daerah pembayar iuran, dan dilindungi sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi. Pekerja boleh meminta melihat, memperbaiki, atau menarik datanya melalui kantor desa.',
    en: 'The worker’s data (NIK, name, date of birth, address, phone) is collected by the village government only to enrol them in BPJS Ketenagakerjaan protection, shared with BPJS Ketenagakerjaan and the local government paying the contribution, and protected under Law 27/2022 on Personal Data Protection. The worker may ask the village office to see, correct or withdraw it.',
  },
  'enrol.notice.version': { id: 'Versi pemberitahuan {version}', en: 'Notice version {version}' },

  'enrol.nik.prefilled': {
    id: 'Tanggal lahir dan jenis kelamin diisi dari NIK.',
    en: 'Date of birth and sex were filled in from the NIK.',
  },
  'enrol.birthDate.written': { id: 'Tertulis: {date}', en: 'Reads: {date}' },
  'enrol.nik.mismatch': {
    id: 'Perhatian: menurut NIK, tanggal lahir {birthDate} dan jenis kelamin {sex}. Isian Anda berbeda. Periksa KTP, lalu centang konfirmasi di bawah.',
    en: 'Warning: the NIK says date of birth {birthDate} and sex {sex}. What you entered differs. Check the ID card, then tick the confirmation below.',
  },
  'enrol.duplicate': {
    id: 'NIK ini sudah terdaftar di ponsel ini: {name} ({status}). Satu NIK hanya boleh terdaftar sekali.',
    en: 'This NIK is already registered on this phone: {name} ({status}). A NIK can be registered only once.',
  },
  'enrol.duplicate.open': { id: 'Buka data yang sudah ada', en: 'Open the existing record' },
  'enrol.quota.full-default': {
    id: 'Menurut kuota bawaan ({quota}), desa ini sudah penuh ({used}); kuota desa yang sebenarnya diketahui setelah sinkron pertama. Pendaftaran tetap boleh disimpan.',
    en: 'By the default quota ({quota}) this village is full ({used}); its real quota is known after the first sync. You may still save.',
  },
  'enrol.quota.full': {
    id: 'Kuota desa ini sudah penuh ({used} dari {quota}). Pendaftaran tetap boleh disimpan, tetapi akan masuk daftar cadangan.',
    en: 'This village’s quota is full ({used} of {quota}). You may still save: the registration will be waitlisted.',
  },
  'enrol.village.locked': {
    id: 'Desa tidak dapat diubah untuk data yang sudah tersimpan.',
    en: 'The village of a saved record cannot be changed.',
  },
  'enrol.places.loading': { id: 'Memuat daftar wilayah…', en: 'Loading the list of places…' },
  'enrol.village.scope': {
    id: 'Ponsel ini terdaftar untuk desa ini saja.',
    en: 'This phone is enrolled for this village only.',
  },
  'enrol.coordinator': {
    id: 'Ponsel koordinator tidak dapat mendaftarkan pekerja: server hanya menerima pendaftaran dari ponsel operator desa. Buat kode pendaftaran untuk ponsel desa di menu Koordinator.',
    en: 'A coordinator’s phone cannot enrol workers: the server takes enrolments only from village operators’ phones. Make an enrolment code for a village phone in the Coordinator menu.',
  },
  'enrol.coordinator.open': { id: 'Buka menu Koordinator', en: 'Open the Coordinator menu' },
  'enrol.rejected': {
    id: 'Ditolak server: {reason} Perbaiki isian, lalu simpan untuk mengirim ulang.',
    en: 'Refused by the server: {reason} Correct the form, then save to send it again.',
  },

  'enrol.save.new': { id: 'Simpan pendaftaran', en: 'Save registration' },
  'enrol.save.edit': { id: 'Simpan perubahan', en: 'Save changes' },
  'enrol.saving': { id: 'Menyimpan…', en: 'Saving…' },
  'enrol.saved': {
    id: 'Tersimpan: {name}. Data akan dikirim saat ada sinyal.',
    en: 'Saved: {name}. It will be sent when there is a signal.',
  },
  'enrol.saved.open': { id: 'Lihat data', en: 'View record' },
  'enrol.errors.summary': {
    id: 'Belum tersimpan: {count} isian perlu diperbaiki (ditandai merah).',
    en: 'Not saved: {count} fields need correcting (marked in red).',
  },
  'enrol.draft.restored': {
    id: 'Isian yang belum selesai dipulihkan (terakhir diubah {time}).',
    en: 'Unfinished input restored (last changed {time}).',
  },
  'enrol.draft.discard': { id: 'Buang isian', en: 'Discard input' },
  'enrol.draft.confirm': {
    id: 'Buang semua isian formulir ini? Isian yang dibuang tidak dapat dikembalikan.',
    en: 'Discard everything typed in this form? It cannot be brought back.',
  },
  'enrol.draft.confirm-yes': { id: 'Ya, buang isian', en: 'Yes, discard' },
  'enrol.not-found': { id: 'Data ini tidak ada di ponsel ini.', en: 'This record is not on this phone.' },
  'enrol.not-editable': {
    id: 'Data berstatus “{status}” tidak dapat diubah di sini.',
    en: 'A record that is “{status}” cannot be edited here.',
  },

  'invalid.consent': {
    id: 'Persetujuan pekerja wajib sebelum menyimpan.',
    en: 'The worker’s consent is required before saving.',
  },
  'invalid.nik-mismatch': {
    id: 'Centang konfirmasi ini setelah memeriksa KTP.',
    en: 'Tick this confirmation after checking the ID card.',
  },
  'invalid.duplicate-nik': { id: 'NIK sudah terdaftar.', en: 'NIK already registered.' },

  'client-error.storage-full': {
    id: 'Penyimpanan ponsel penuh: data belum tersimpan. Kosongkan ruang (foto, video, aplikasi lain), lalu simpan lagi. Isian Anda tidak hilang.',
    en: 'The phone’s storage is full: nothing was saved. Free some space (photos, videos, other apps), then save again. Your input is kept.',
  },
  'client-error.storage-unavailable': {
    id: 'Penyimpanan ponsel tidak dapat dibuka. Muat ulang aplikasi, lalu coba lagi.',
    en: 'The phone’s storage cannot be opened. Reload the app, then try again.',
  },
  'client-error.not-found': { id: 'Data tidak ditemukan di ponsel ini.', en: 'The record is not on this phone.' },
  'client-error.not-editable': { id: 'Data ini tidak dapat diubah lagi.', en: 'This record can no longer be changed.' },
  'client-error.village-locked': {
    id: 'Desa tidak dapat diubah setelah data dikirim; batalkan dan daftarkan ulang.',
    en: 'The village cannot change once the record was sent; void it and register again.',
  },
  'client-error.places-unavailable': {
    id: 'Daftar wilayah belum tersimpan di ponsel ini. Sambungkan internet sekali untuk mengunduhnya.',
    en: 'The list of places is not on this phone yet. Connect to the internet once to download it.',
  },
  'client-error.unknown': {
    id: 'Terjadi kesalahan, data belum tersimpan: {message}',
    en: 'Something went wrong, nothing was saved: {message}',
  },
};
