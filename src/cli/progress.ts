import cliProgress from 'cli-progress';
import type { CliContext } from './command.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

/**
 * A progress bar on stderr for batch work, only when stderr is a terminal and there is more
 * than a handful to do; otherwise silent, so that pipes and JSON output stay clean.
 */
export function progress(ctx: CliContext, total: number): Progress {
  if (!ctx.stderr.isTTY || total < 5) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.stderr as NodeJS.WriteStream,
      format: ` {bar} {percentage}% | {value}/{total} | ${ctx.lang === 'nl' ? 'nog' : 'eta'} {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
