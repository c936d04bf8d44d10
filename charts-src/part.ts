/**
 * A part of the chart: a construct with a narrow input of its own (everything it reads and
 * nothing else), and how that input is taken from the chart's values. Equal inputs make equal
 * objects, so a fleet renders each distinct input once (src/synth/manifests.ts).
 */
import type { Construct } from 'constructs';
import type { ChartInput } from './context';

export interface ChartPart<I> {
  /** the construct id, also the part's name */
  id: string;
  input(chart: ChartInput): I;
  add(scope: Construct, id: string, input: I): void;
}

/** Typed where each part is written, kept as a list of any part. */
export function chartPart<I>(part: ChartPart<I>): ChartPart<unknown> {
  return part as ChartPart<unknown>;
}
