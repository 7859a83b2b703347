// The shell lazy-loads this module for /koordinator; keep it the only entry point.
export { CoordinatorScreen } from './coordinator-screen';
