import type { Figure } from '../lib/figure';
import { p7Ingest } from './p7-ingest';
import { p8Board } from './p8-board';

/** In the order they run: cheap and server-only first, the browser figures after. */
export const FIGURES: Figure[] = [p7Ingest, p8Board];
