import type { Metric, Mode } from './report';

export interface FigureContext {
  mode: Mode;
  log(message: string): void;
}

export interface Figure {
  id: string;
  title: string;
  /** Deadline for the whole figure; on expiry it is recorded as an error and cleaned up. */
  timeoutMs(mode: Mode): number;
  run(ctx: FigureContext): Promise<Metric[]>;
}
