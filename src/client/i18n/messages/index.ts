import type { Messages } from '../types';
import { common } from './common';
import { app } from './app';
import { settings } from './settings';
import { sync } from './sync';
import { device } from './device';
import { coordinator } from './coordinator';
import { distribution } from './distribution';

// Each feature owns one file here; add its import and spread it below.
export const messages: Messages = {
  ...common,
  ...app,
  ...settings,
  ...sync,
  ...device,
  ...coordinator,
  ...distribution,
};
