// Wire codes from domain.md. Labels belong to the UI (src/client/i18n).
export const OCCUPATIONS = [
  'petani', 'buruh-tani', 'pekebun', 'peternak', 'nelayan', 'pedagang', 'buruh-bangunan',
  'ojek', 'sopir', 'pengrajin', 'asisten-rumah-tangga', 'rt-rw', 'marbot', 'guru-ngaji', 'lainnya',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const FUNDING_SOURCES = [
  'apbd-provinsi', 'apbd-kabupaten', 'dana-desa', 'dbhcht', 'csr', 'mandiri',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];

export const MARITAL_STATUSES = ['belum-kawin', 'kawin', 'cerai-hidup', 'cerai-mati'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const HEIR_RELATIONSHIPS = [
  'suami', 'istri', 'anak', 'orang-tua', 'saudara', 'lainnya',
] as const;

export const ROLES = ['operator', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
