import { chromium, type Browser } from 'playwright-core';

/** Headless, with WebGL in software (SwiftShader): the machines that run tests and benches have no GPU. */
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];

/** Starts Debian's Chromium (see ensureChromium) through playwright-core. */
export function launchChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}
