// The extensionTestsPath module: VS Code loads it in the extension host and awaits run().
// mocha's output goes to MOCHA_REPORT_FILE (the driver prints it): the remote extension host's
// console does not reach the terminal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const reportFile = process.env.MOCHA_REPORT_FILE;
  const out = (line: string) => {
    if (reportFile) fs.appendFileSync(reportFile, line + '\n');
  };
  if (reportFile) fs.writeFileSync(reportFile, '');
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void };
  const orig = base.consoleLog;
  base.consoleLog = (...a: unknown[]) => {
    out(util.format(...a));
    orig(...a);
  };
  const grep = process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP, invert: process.env.MOCHA_INVERT === '1' } : {};
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...grep });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats!;
        const summary = `${s.passes} passed, ${s.failures} failed` + (s.pending ? `, ${s.pending} skipped` : '');
        out(summary);
        console.log(summary);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (e) {
      out(String((e as Error)?.stack ?? e));
      reject(e);
    }
  });
}
