import type { Messages } from '../types';
import { common } from './common';
import { app } from './app';
import { settings } from './settings';
import { sync } from './sync';
import { device } from './device';
import { coordinator } from './coordinator';
import { enrol } from './enrol';
import { roster } from './roster';
import { quota } from './quota';
import { distribution } from './distribution';

// Each feature owns one file here; add its import and spread it below.
export const messages: Messages = {
  ...common,
  ...app,
  ...settings,
  ...sync,
  ...device,
  ...coordinator,
  ...enrol,
  ...roster,
  ...quota,
  ...distribution,
};
