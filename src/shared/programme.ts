// Programme data that coordinators may change; these are only the defaults (domain.md).
export interface ProgrammeRules {
  ageMin: number;
  ageMax: number;
  defaultQuota: number;
  incomeMin: number;
  incomeMax: number;
  noticeVersion: string;
}

export const DEFAULT_PROGRAMME: ProgrammeRules = {
  ageMin: 15,
  ageMax: 65,
  defaultQuota: 100,
  incomeMin: 1_000_000,
  incomeMax: 20_700_000,
  noticeVersion: '2025-01',
};

export const MAX_OPS_PER_PUSH = 500;
export const MAX_ADDRESS_LENGTH = 200;
export const MAX_TEXT_LENGTH = 100;
export const MAX_QUOTA = 10_000;
export const PULL_DEFAULT_LIMIT = 500;
export const PULL_MAX_LIMIT = 1000;
