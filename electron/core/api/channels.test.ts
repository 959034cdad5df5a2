import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/api';
import { Studio } from '../studio';
import { testDialogs, useTempDir } from '../testing';
import { createHandlers } from './handlers';

// The rule a reader relies on: a channel's contract and its handler have the same name.
// shared/api/<service>.ts declares exactly the channels electron/core/<service>/handlers.ts serves,
// and a channel prefix belongs to one service.

const coreDir = path.resolve(__dirname, '..');
const apiDir = path.resolve(__dirname, '../../../shared/api');
const tempDir = useTempDir();

/** Services with a handlers.ts (core/api's own handlers.ts only assembles the others). */
const services = readdirSync(coreDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'api' && existsSync(path.join(coreDir, e.name, 'handlers.ts')))
  .map((e) => e.name)
  .sort();

/** shared/api files that declare channels: those exporting a `<x>Channels` table. */
async function contractFiles(): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  for (const file of readdirSync(apiDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const module = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    const tables = Object.entries(module).filter(
      ([name, value]) => /^[a-z]+Channels$/.test(name) && typeof value === 'object',
    );
    if (tables.length === 0) continue;
    expect(
      tables.map(([name]) => name),
      `shared/api/${file} declares one table`,
    ).toHaveLength(1);
    files.set(file.replace(/\.ts$/, ''), Object.keys(tables[0]![1] as object).sort());
  }
  return files;
}

const studio = new Studio({
  userDataDir: path.join(tempDir(), 'user'),
  systemLocale: 'ja-JP',
  shell: 'harness',
  appVersion: '0.0.0',
  platform: 'linux',
  dialogs: testDialogs(),
});
beforeAll(() => studio.start());
afterAll(() => studio.close());

/** The channels one service's handler factory (the `<x>Handlers` its index.ts exports) serves. */
async function servedBy(service: string): Promise<string[]> {
  const surface = (await import(path.join(coreDir, service, 'index.ts'))) as Record<string, unknown>;
  const factories = Object.entries(surface).filter(
    ([name, value]) => /Handlers$/.test(name) && typeof value === 'function',
  );
  expect(
    factories.map(([name]) => name),
    `core/${service}/index.ts exports one handler factory`,
  ).toHaveLength(1);
  const table = (factories[0]![1] as (s: Studio) => Record<string, unknown>)(studio);
  return Object.keys(table).sort();
}

describe('one contract file per service, named as its handlers', () => {
  it('has a shared/api/<service>.ts for every core/<service>/handlers.ts and no other', async () => {
    expect(services.length).toBeGreaterThan(10);
    expect([...(await contractFiles()).keys()].sort()).toEqual(services);
  });

  it("each service's handlers serve exactly the channels its contract file declares", async () => {
    const files = await contractFiles();
    for (const service of services) {
      expect(await servedBy(service), `core/${service}/handlers.ts vs shared/api/${service}.ts`).toEqual(
        files.get(service),
      );
    }
  });

  it('gives each channel prefix to one service', async () => {
    const owner = new Map<string, string>();
    for (const [service, names] of await contractFiles()) {
      for (const name of names) {
        const prefix = name.slice(0, name.indexOf(':'));
        expect(
          owner.get(prefix) ?? service,
          `${prefix}: is served by ${owner.get(prefix)} and ${service}`,
        ).toBe(service);
        owner.set(prefix, service);
      }
    }
  });

  it('the table the window is served from is the union of the services, each channel once', async () => {
    const files = await contractFiles();
    const declared = [...files.values()].flat();
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.sort()).toEqual([...channelNames].sort());
    expect(Object.keys(createHandlers(studio)).sort()).toEqual([...channelNames].sort());
  });
});
