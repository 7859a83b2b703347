import type { Messages } from '../types';
import { common } from './common';
import { app } from './app';
import { settings } from './settings';
import { coordinator } from './coordinator';

// Each feature owns one file here; add its import and spread it below.
export const messages: Messages = {
  ...common,
  ...app,
  ...settings,
  ...coordinator,
};
