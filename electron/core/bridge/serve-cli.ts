// `npm run serve -- [--data DIR] [--port N]`: runs Fieldwork in browser mode, on
// 127.0.0.1; `--host ADDRESS --allow-remote` listens elsewhere, with a warning.
// Prints exactly one line, `Ready: <url>` (the token in the url's fragment, which the
// browser never sends), once listening; Ctrl+C or SIGTERM closes
// the server and the database cleanly.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { captureHtmlToPng, findChromium, printHtmlToPdf } from '../export/chromium.js';
import { openLibrary } from '../library.js';
import { defaultDataDir } from '../paths.js';
import { checkBindAddress, isLoopback, LOOPBACK } from './bind-address.js';
import { startServer } from './server.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** PDF and image exports in browser mode render with a local Chromium, when one is installed. */
function renderersIfAvailable() {
  const chromium = findChromium();
  if (!chromium) return {};
  return {
    printPdf: (html: string) => printHtmlToPdf(html, chromium),
    capturePng: (html: string, width: number) => captureHtmlToPng(html, chromium, width),
  };
}

async function main(): Promise<void> {
  let values: { data?: string | undefined; port?: string | undefined; host?: string | undefined; 'allow-remote'?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'allow-remote': { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run serve -- [--data DIR] [--port N] [--host ADDRESS --allow-remote]`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535.`);
  const host = values.host ?? LOOPBACK;
  const allowRemote = values['allow-remote'] ?? false;
  try {
    checkBindAddress(host, allowRemote);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (!isLoopback(host)) {
    console.error(`Warning: listening on ${host}. Anyone on your network who gets the link can read and change this library.`);
  }
  const rendererDir = path.join(repoRoot, 'build', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) fail('The renderer is not built: run `npm run build:renderer` first.');
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

  // A library that cannot be opened still starts, in its problem state: the page then
  // offers to restore a snapshot, read it read-only, export what can be read, or quit.
  const library = await openLibrary({
    dataDir: path.resolve(values.data ?? defaultDataDir()),
    resourcesDir: path.join(repoRoot, 'resources'),
    appVersion: pkg.version,
    ...renderersIfAvailable(),
    onQuit: () => shutdown(),
  });
  const server = await startServer({ library, rendererDir, port, host, allowRemote });
  console.log(`Ready: ${server.url}`);
  const problem = library.host.status().problem;
  if (problem) console.error(`The library has a problem (${problem.kind}): ${problem.message}`);

  let closing = false;
  function shutdown() {
    if (closing) return;
    closing = true;
    server
      .close()
      .then(() => library.close())
      .then(
        () => process.exit(0),
        (error: unknown) => fail(`Closing failed: ${String(error)}`),
      );
  }
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
