export { QuotaMeter, useVillageQuota, type QuotaMeterProps } from './quota-meter';
