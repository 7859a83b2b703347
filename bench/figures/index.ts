import type { Figure } from '../lib/figure';
import { p1Bundle } from './p1-bundle';
import { p2Lighthouse } from './p2-lighthouse';
import { p3p4Storage } from './p3-p4-storage';
import { p5p6Sync } from './p5-p6-sync';
import { p9Memory } from './p9-memory';
import { p7Ingest } from './p7-ingest';
import { p8Board } from './p8-board';

/** In the order they run: cheap and server-only first, the browser figures after. */
export const FIGURES: Figure[] = [p7Ingest, p8Board, p1Bundle, p3p4Storage, p5p6Sync, p9Memory, p2Lighthouse];
