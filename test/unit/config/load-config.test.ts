import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

function dirWith(config: unknown): string {
  const { dir } = tempDirForTest('leadbot-config-');
  writeFileSync(
    path.join(dir, 'leadbot.config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
  return dir;
}

describe('loading the config', () => {
  it('when there is no file and no variable, then the shipped defaults apply', () => {
    const { config, runtime, file } = loadConfig({}, tempDirForTest('leadbot-empty-').dir);
    expect(file).toBeNull();
    expect(config.slots).toEqual(['need', 'authority', 'company', 'budget', 'timeline', 'contact']);
    expect(config.booking).toMatchObject({
      timezone: 'America/New_York',
      slotMinutes: 30,
      minNoticeHours: 4,
      horizonDays: 14,
      offer: 3,
    });
    expect(config.scoring.grades).toEqual({ hot: 60, warm: 35 });
    expect(config.server.port).toBe(3000);
    expect(runtime.openaiApiKey).toBeNull();
  });

  it('when the file sets some keys, then the rest keep their defaults', () => {
    const { config } = loadConfig(
      {},
      dirWith({ company: { name: 'Acme' }, scoring: { demo: 30 } }),
    );
    expect(config.company.name).toBe('Acme');
    expect(config.scoring.demo).toBe(30);
    expect(config.scoring.needStated).toBe(10);
  });

  it.each([
    [
      { booking: { hours: { start: '9am', end: '17:00' } } },
      'booking.hours.start: expected HH:MM (24 h)',
    ],
    [{ booking: { timezone: 'Mars/Olympus' } }, 'booking.timezone: unknown IANA time zone'],
    [{ slots: ['need', 'need'] }, 'slots: a slot may appear only once'],
    [{ slots: ['need', 'budgte'] }, 'slots.1'],
    [{ currency: { rates: { euro: 1.1 } } }, 'currency.rates'],
    [{ scoring: { demo: 'lots' } }, 'scoring.demo'],
  ])('when the file has %j, then start-up stops naming the field', (raw, message) => {
    expect(() => loadConfig({}, dirWith(raw))).toThrow(ConfigError);
    expect(() => loadConfig({}, dirWith(raw))).toThrow(message);
  });

  it('when the file is not JSON, then the error names the file', () => {
    expect(() => loadConfig({}, dirWith('{ "company": '))).toThrow(/leadbot\.config\.json/);
  });

  it('when environment variables are set, then they override the file', () => {
    const { config, runtime } = loadConfig(
      {
        PORT: '8080',
        DATA_DIR: '/srv/leadbot',
        LLM_MODEL: 'llama3.1',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        OPENAI_API_KEY: 'sk-test',
        ADMIN_TOKEN: 't',
      },
      dirWith({ server: { port: 4000 } }),
    );
    expect(config.server.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/leadbot');
    expect(config.llm.model).toBe('llama3.1');
    expect(config.server.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(runtime).toMatchObject({ openaiApiKey: 'sk-test', adminToken: 't' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ CRM_WEBHOOK_URL: 'not a url' }, /CRM_WEBHOOK_URL/],
    [{ LEADBOT_CONFIG: 'missing.json' }, /LEADBOT_CONFIG/],
  ])('when %j is invalid, then the error names the variable', (env, message) => {
    expect(() => loadConfig(env, tempDirForTest('leadbot-env-').dir)).toThrow(message);
  });
});

describe('the example config in the repository', () => {
  it('when loaded, then it is valid and equals the shipped defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseConfig, defaultConfig } = await import('../../../src/config/load-config.js');
    const example = JSON.parse(
      readFileSync(new URL('../../../leadbot.config.example.json', import.meta.url), 'utf8'),
    );
    expect(parseConfig(example)).toEqual(defaultConfig());
  });
});
