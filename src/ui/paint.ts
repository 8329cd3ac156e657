// Colour, the one place that knows about chalk. Without colour nothing is imported at all, so a
// scripted session or a pipe pays nothing for it.
export interface Paint {
  enabled: boolean;
  unicode: boolean;
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  partial(text: string): string;
  bad(text: string): string;
  accent(text: string): string;
  heading(text: string): string;
}

const plain = (text: string) => text;

export function plainPaint(unicode = true): Paint {
  return { enabled: false, unicode, bold: plain, dim: plain, good: plain, partial: plain, bad: plain, accent: plain, heading: plain };
}

/**
 * Colour follows the conventions: NO_COLOR turns it off, FORCE_COLOR (0-3) decides, otherwise
 * only a terminal gets it.
 */
export function colourLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): number {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    const level = env.FORCE_COLOR === 'true' ? 1 : env.FORCE_COLOR === 'false' ? 0 : Number(env.FORCE_COLOR);
    return Number.isFinite(level) ? Math.max(0, Math.min(3, level)) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

/** Box-drawing and check marks, unless the terminal is known not to draw them. */
export function supportsUnicode(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.MOT_ASCII) return false;
  if (env.TERM === 'linux') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return locale === '' || /utf-?8/i.test(locale) || process.platform === 'win32';
}

export async function makePaint(level: number, unicode: boolean): Promise<Paint> {
  if (level === 0) return plainPaint(unicode);
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: level as 1 | 2 | 3 });
  return {
    enabled: true,
    unicode,
    bold: chalk.bold,
    dim: chalk.dim,
    good: chalk.green,
    partial: chalk.yellow,
    bad: chalk.red,
    accent: chalk.cyan,
    heading: chalk.bold.underline,
  };
}
