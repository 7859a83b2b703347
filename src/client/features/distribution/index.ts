// The shell lazy-loads this module for /penyerahan; keep it the only entry point.
export { DistributionScreen } from './distribution-screen';
