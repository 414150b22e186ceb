// `npm run temporal:build`: makes sure the pinned Temporal CLI is built and cached, and prints
// where it is. `npm start` and `npm test` do the same on their own; CI calls this first so the
// (slow, first-run-only) build shows up as its own step.
import { resolveTemporalCli } from './temporal-cli';

resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH?.trim() || undefined })
  .then((cli) => {
    if (cli.kind === 'binary') console.log(`Temporal CLI ${cli.version} (${cli.source}): ${cli.path}`);
    else console.log(`No local Temporal CLI (${cli.reason}); the SDK's download will be used.`);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
