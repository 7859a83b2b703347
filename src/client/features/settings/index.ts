// The shell lazy-loads this module for /pengaturan; keep it the only entry point.
export { SettingsScreen } from './settings-screen';
