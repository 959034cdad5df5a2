import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleManifest } from '../../../shared/domain/bundle';
import { KotaeError } from '../../../shared/errors';
import { listLog } from '../library';
import { useTempDir } from '../testing';
import { updateVendor } from '../faq';
import { gatherContent } from './content';
import { exportBundle, previewBundle } from './export';
import { sha256Of } from './manifest';
import { listBundles } from './records';
import { makeBundleFixture, makeTestVideo } from './testing';
import { verifyBundleZip } from './verify';

const tempDir = useTempDir('kotae-bundle-');
const env = { appVersion: '9.9.9-test' };

function job(controller = new AbortController()) {
  const phases: string[] = [];
  const fractions: number[] = [];
  return {
    signal: controller.signal,
    progress: (fraction: number, phase?: string) => {
      fractions.push(fraction);
      if (phase) phases.push(phase);
    },
    phases,
    fractions,
    controller,
  };
}

const request = (over: Partial<Parameters<typeof exportBundle>[1]> = {}) => ({
  answerId: 0,
  customerId: null,
  questionId: null,
  personalised: true,
  videoRendition: 'original' as const,
  zip: true,
  folder: false,
  ...over,
});

describe('exportBundle', () => {
  it('writes a personalised zip and folder that verify, and records who got which revision', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const zipPath = path.join(dir, 'out', 'answer.zip');
    const folderPath = path.join(dir, 'out', 'answer');
    execFileSync('mkdir', ['-p', path.dirname(zipPath)]);
    const progress = job();
    const record = await exportBundle(
      fx.library,
      request({ answerId: fx.answerId, questionId: fx.questionId, folder: true }),
      { zipPath, folderPath },
      env,
      progress,
    );

    const verified = await verifyBundleZip(zipPath);
    expect(verified.manifestSha256).toBe(record.manifestSha256);
    const manifest = verified.manifest;
    expect(manifest).toMatchObject({
      format: 'kotae-answer-bundle',
      formatVersion: 2,
      answer: { id: fx.answerId, revision: 1, language: 'ja' },
      app: { version: '9.9.9-test' },
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'index.html',
        'verify.html',
        'email.txt',
        'viewer/viewer.js',
        'viewer/viewer.css',
        'media/image-1.png',
        'media/video-1.mp4',
      ]),
    );
    // The video in the bundle is the library's file, byte for byte.
    const video = manifest.files.find((f) => f.path === 'media/video-1.mp4')!;
    const clipSha = fx.library.db
      .prepare('SELECT m.sha256 FROM clips c JOIN media_assets m ON m.id = c.output_asset_id WHERE c.id = ?')
      .get(fx.clipId) as { sha256: string };
    expect(video.sha256).toBe(clipSha.sha256);

    // The folder holds the same files and the same manifest.
    const folderManifest = readFileSync(path.join(folderPath, 'manifest.json'));
    expect(sha256Of(folderManifest)).toBe(record.manifestSha256);
    for (const f of manifest.files) {
      expect(sha256Of(readFileSync(path.join(folderPath, f.path))), f.path).toBe(f.sha256);
    }
    const index = readFileSync(path.join(folderPath, 'index.html'), 'utf8');
    expect(index).toContain(`${fx.customerName} 様`);
    expect(index).toContain('いつもお世話になっております。');
    expect(index).toContain('support@sirius.example.jp');
    expect(index).toContain('Sirius サイトビルダー 4.2.1');
    expect(index).toContain('http-equiv="Content-Security-Policy"');
    expect(index).toContain('src="media/video-1.mp4"');
    expect(index).toContain('href="#clip-');
    expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);

    // Nothing half-written is left beside the outputs.
    expect(readdirSync(path.dirname(zipPath)).sort()).toEqual(['answer', 'answer.zip']);

    // The record and its log entry say exactly what was sent to whom.
    expect(record).toMatchObject({
      answerId: fx.answerId,
      revision: 1,
      customerId: fx.customerId,
      customerName: fx.customerName,
      questionId: fx.questionId,
      fileName: 'answer.zip',
      zipPath,
      folderPath,
      personalised: true,
      videoRendition: 'original',
      fileCount: manifest.files.length + 2,
    });
    const stored = fx.library.db.prepare('SELECT manifest FROM bundles WHERE id = ?').get(record.id) as {
      manifest: string;
    };
    expect(BundleManifest.parse(JSON.parse(stored.manifest))).toEqual(manifest);
    expect(listBundles(fx.library.db, { customerId: fx.customerId }).map((b) => b.id)).toEqual([record.id]);
    expect(listBundles(fx.library.db, { answerId: fx.answerId }).map((b) => b.id)).toEqual([record.id]);
    const log = listLog(fx.library.db, { customerId: fx.customerId, limit: 5 });
    expect(log[0]).toMatchObject({ action: 'bundle.exported', entityId: record.id, answerId: fx.answerId });

    // The e-mail draft greets the customer and names the attachment.
    expect(record.emailSubject).toContain('スマートフォンで画像が表示されない');
    expect(record.emailBody).toContain(`${fx.customerName} 様`);
    expect(record.emailBody).toContain('answer.zip');
    expect(record.emailBody).toContain('HEIC');
    expect(progress.phases).toContain('bundle:phase.zip');
    expect(progress.fractions.at(-1)).toBeGreaterThan(0.9);
    fx.library.close();
  });

  it('makes a generic bundle without the name or the greeting', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const folderPath = path.join(dir, 'generic');
    const record = await exportBundle(
      fx.library,
      request({ answerId: fx.answerId, personalised: false, zip: false, folder: true }),
      { zipPath: null, folderPath },
      env,
      job(),
    );
    const index = readFileSync(path.join(folderPath, 'index.html'), 'utf8');
    expect(index).not.toContain(fx.customerName);
    expect(index).not.toContain('いつもお世話になっております');
    expect(record.customerId).toBeNull();
    expect(record.personalised).toBe(false);
    expect(record.emailBody).not.toContain(fx.customerName);
    expect(record.emailBody).toContain('フォルダ「generic」');
    fx.library.close();
  });

  it('shows the size before exporting, with an estimate for smaller videos', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const preview = previewBundle(
      fx.library,
      request({ answerId: fx.answerId, customerId: fx.customerId }),
      env,
    );
    expect(preview.blocked).toBeNull();
    expect(preview.customerName).toBe(fx.customerName);
    expect(preview.greeting).toContain(fx.customerName);
    expect(preview.videos).toHaveLength(1);
    const zipPath = path.join(dir, 'b.zip');
    await exportBundle(
      fx.library,
      request({ answerId: fx.answerId, customerId: fx.customerId }),
      { zipPath, folderPath: null },
      env,
      job(),
    );
    const actual = readFileSync(zipPath).length;
    // Within a few per cent of what the export then writes.
    expect(Math.abs(preview.bytes - actual) / actual).toBeLessThan(0.05);
    expect(preview.bytesEmail).toBeLessThanOrEqual(preview.bytes);
    fx.library.close();
  });

  it('re-encodes videos smaller for e-mail when asked', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.mp4');
    makeTestVideo(big, 4, '1280x720');
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, { videoFile: big, videoDurationS: 4 });
    const folderPath = path.join(dir, 'small');
    const progress = job();
    const record = await exportBundle(
      fx.library,
      request({
        answerId: fx.answerId,
        customerId: fx.customerId,
        videoRendition: 'email',
        zip: false,
        folder: true,
      }),
      { zipPath: null, folderPath },
      env,
      progress,
    );
    const width = execFileSync(
      '/usr/bin/ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,codec_name',
        '-of',
        'csv=p=0',
        path.join(folderPath, 'media/video-1.mp4'),
      ],
      { encoding: 'utf8' },
    ).trim();
    expect(width).toBe('h264,960');
    expect(record.videoRendition).toBe('email');
    expect(progress.phases).toContain('bundle:phase.render');
    fx.library.close();
  });

  it('leaves no file and no record when cancelled', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const out = path.join(dir, 'out');
    execFileSync('mkdir', ['-p', out]);
    const progress = job();
    // Cancel as soon as the zip starts.
    const original = progress.progress;
    progress.progress = (fraction, phase) => {
      original(fraction, phase);
      if (phase === 'bundle:phase.zip') progress.controller.abort();
    };
    await expect(
      exportBundle(
        fx.library,
        request({ answerId: fx.answerId, customerId: fx.customerId, folder: true }),
        { zipPath: path.join(out, 'x.zip'), folderPath: path.join(out, 'x') },
        env,
        progress,
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out)).toEqual([]);
    expect(listBundles(fx.library.db)).toEqual([]);
    fx.library.close();
  });

  it('refuses, with a reason, an answer whose clip is not rendered or whose media is missing', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, { unrendered: true });
    const preview = previewBundle(
      fx.library,
      request({ answerId: fx.answerId, customerId: fx.customerId }),
      env,
    );
    expect(preview.blocked).toMatchObject({
      code: 'BUNDLE_EXPORT_BLOCKED',
      messageKey: 'bundle:blocked.clipNotRendered',
    });
    await expect(
      exportBundle(
        fx.library,
        request({ answerId: fx.answerId, customerId: fx.customerId }),
        { zipPath: path.join(dir, 'x.zip'), folderPath: null },
        env,
        job(),
      ),
    ).rejects.toBeInstanceOf(KotaeError);
    expect(existsSync(path.join(dir, 'x.zip'))).toBe(false);
    fx.library.close();

    const dir2 = tempDir();
    const fx2 = await makeBundleFixture(path.join(dir2, 'lib'), dir2);
    rmSync(fx2.library.media.fileOf({ sha256: fx2.screenshotSha, ext: 'png' })!, { force: true });
    const blocked = previewBundle(
      fx2.library,
      request({ answerId: fx2.answerId, customerId: fx2.customerId }),
      env,
    );
    // It names the answer and the node whose picture is missing ("step 1: image").
    expect(blocked.blocked).toMatchObject({
      messageKey: 'bundle:blocked.imageMissing',
      params: { reason: 'imageMissing', place: 'step', number: 1, part: 'image' },
    });
    fx2.library.close();
  });

  it('refuses a library video whose file no longer has the size it was stored with', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const row = fx.library.db
      .prepare('SELECT m.sha256 FROM clips c JOIN media_assets m ON m.id = c.output_asset_id WHERE c.id = ?')
      .get(fx.clipId) as { sha256: string };
    const file = fx.library.media.fileOf({ sha256: row.sha256, ext: 'mp4' })!;
    const previewed = previewBundle(
      fx.library,
      request({ answerId: fx.answerId, customerId: fx.customerId }),
      env,
    );
    expect(previewed.blocked).toBeNull();
    // Damaged behind the library's back after the export was planned: it yields fewer bytes.
    const zipPath = path.join(dir, 'x.zip');
    const progress = job();
    const original = progress.progress;
    progress.progress = (fraction, phase) => {
      original(fraction, phase);
      if (phase === 'bundle:phase.zip') {
        chmodSync(file, 0o644);
        truncateSync(file, 1000);
      }
    };
    await expect(
      exportBundle(
        fx.library,
        request({ answerId: fx.answerId, customerId: fx.customerId }),
        { zipPath, folderPath: null },
        env,
        progress,
      ),
    ).rejects.toMatchObject({ code: 'BUNDLE_EXPORT_BLOCKED', params: { reason: 'mediaChanged' } });
    expect(existsSync(zipPath)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    fx.library.close();
  });

  it('keeps the CRC-32 of media stored before the library recorded it, and both bundles verify', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const rows = () =>
      fx.library.db
        .prepare(`SELECT sha256, ext, crc32 FROM media_assets WHERE kind IN ('video', 'image')`)
        .all() as {
        sha256: string;
        ext: string;
        crc32: number | null;
      }[];
    // Stored through MediaStore, the rows have it already and it is the file's checksum.
    for (const row of rows()) {
      expect(row.crc32).toBe(zlib.crc32(readFileSync(fx.library.media.fileOf(row)!)));
    }
    const known = new Map(rows().map((r) => [r.sha256, r.crc32]));
    fx.library.db.prepare('UPDATE media_assets SET crc32 = NULL').run(); // as in a library from before 0100

    for (const name of ['first.zip', 'second.zip']) {
      const zipPath = path.join(dir, name);
      await exportBundle(
        fx.library,
        request({ answerId: fx.answerId, customerId: fx.customerId }),
        { zipPath, folderPath: null },
        env,
        job(),
      );
      await expect(verifyBundleZip(zipPath)).resolves.toBeTruthy();
      expect(new Map(rows().map((r) => [r.sha256, r.crc32]))).toEqual(known);
    }
    fx.library.close();
  });

  it('names the vendor in the answer’s language: the English name for an English answer', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    updateVendor(fx.library, { name: 'Sirius サポート', nameEn: 'Sirius Support' });
    const content = (language: 'ja' | 'en') => {
      fx.library.db.prepare('UPDATE answers SET language = ? WHERE id = ?').run(language, fx.answerId);
      return gatherContent(fx.library, request({ answerId: fx.answerId, customerId: fx.customerId }));
    };
    expect(content('en').vendor.name).toBe('Sirius Support');
    expect(content('ja').vendor.name).toBe('Sirius サポート');
    updateVendor(fx.library, { nameEn: '' });
    expect(content('en').vendor.name).toBe('Sirius サポート'); // no English name: the one name for everyone
    fx.library.close();
  });

  it('needs a customer for a personalised bundle', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const preview = previewBundle(fx.library, request({ answerId: fx.answerId, personalised: true }), env);
    expect(preview.blocked?.params?.reason).toBe('customerNeeded');
    fx.library.close();
  });
});
