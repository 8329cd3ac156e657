// The one place mot reads the time. MOT_NOW fixes it, so tests and demonstrations can move
// through days (train today, drill next week).
import { UsageError } from './errors.js';

export type Clock = () => Date;

export function clockFrom(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.MOT_NOW;
  if (!fixed) return () => new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime()))
    throw new UsageError(`MOT_NOW="${fixed}" is not a time mot can read.`, 'Use ISO 8601, for example MOT_NOW=2027-01-17T09:00:00Z.');
  return () => new Date(at);
}
