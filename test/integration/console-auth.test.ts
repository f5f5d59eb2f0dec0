import { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  consoleUserOf,
  requireConsoleUser,
  type ConsoleAuth,
} from '../../src/console/console-auth.js';
import { hashPassword } from '../../src/console/users/password.js';
import { consoleTestBed, consoleUser, PASSWORD } from '../helpers/console-test-bed.js';

type Agent = ReturnType<typeof request.agent>;

async function signIn(agent: Agent, email: string, password = PASSWORD) {
  return agent.post('/console/login').type('form').send({ email, password, next: '/console' });
}

async function csrfOf(agent: Agent): Promise<string> {
  const page = await agent.get('/console');
  const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
  if (m?.[1] === undefined) throw new Error(`no CSRF token on ${page.status} ${page.text}`);
  return m[1];
}

describe('the rep console’s sign-in', () => {
  it('sends a visitor without a session to the login page and back', async () => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    for (const [path, next] of [
      ['/console', '/console'],
      ['/console/leads/conv_1', '/console/leads/conv_1'],
    ]) {
      const res = await request(app).get(path ?? '');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(next ?? '')}`);
    }
    const agent = request.agent(app);
    const login = await agent
      .post('/console/login')
      .type('form')
      .send({ email: 'ANA@beacon.example', password: PASSWORD, next: '/console/leads/conv_1' });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/console/leads/conv_1');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^leadbot_console=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Lax$/);
    const home = await agent.get('/console');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Ana Lima');
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '/pricing'])(
    'never sends a signed-in user on to %s',
    async (next) => {
      const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
      const res = await request(app)
        .post('/console/login')
        .type('form')
        .send({ email: 'ana@beacon.example', password: PASSWORD, next });
      expect(res.headers.location).toBe('/console');
    },
  );

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')], {
      server: { publicUrl: 'https://leads.beacon.example' },
    });
    const res = await signIn(request.agent(app), 'ana@beacon.example');
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const { app, logs } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const wrong = await signIn(request.agent(app), 'ana@beacon.example', 'not the password!');
    const unknown = await signIn(request.agent(app), 'nobody@beacon.example', 'not the password!');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.text.replace('ana@', 'X')).toBe(unknown.text.replace('nobody@', 'X'));
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(JSON.stringify(logs)).not.toContain('not the password');
  });

  it('locks an account after 10 wrong passwords, the right one included, and logs who and where', async () => {
    const { app, logs } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    for (let i = 0; i < 10; i++)
      expect(
        (await signIn(request.agent(app), 'ana@beacon.example', `wrong password ${i}`)).status,
      ).toBe(401);
    const locked = await signIn(request.agent(app), 'ana@beacon.example');
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/Too many failed sign-ins. Try again in \d+ min/);
    expect(locked.headers['set-cookie']).toBeUndefined();
    const refused = logs.filter((l) => l.message === 'console login refused');
    expect(refused).toHaveLength(10);
    expect(refused[0]?.meta).toMatchObject({ email: 'ana@beacon.example', ip: expect.any(String) });
    expect(logs.find((l) => l.message === 'console login limited')?.meta).toMatchObject({
      email: 'ana@beacon.example',
      limit: 'account',
    });
    expect(JSON.stringify(logs)).not.toContain('wrong password');
  });

  it('refuses an IP that failed too often, whatever email it tries next', async () => {
    const { app, logs } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')], {
      console: { loginFailuresPerIp: 3 },
    });
    for (const email of ['a@x.example', 'b@x.example', 'c@x.example'])
      expect((await signIn(request.agent(app), email, 'guess guess guess')).status).toBe(401);
    expect((await signIn(request.agent(app), 'ana@beacon.example')).status).toBe(429);
    expect(logs.find((l) => l.message === 'console login limited')?.meta).toMatchObject({
      email: 'ana@beacon.example',
      ip: '127.0.0.1',
      limit: 'ip',
    });
  });

  it('refuses a login posted by another site', async () => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const res = await request(app)
      .post('/console/login')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ email: 'ana@beacon.example', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('stops a disabled user’s session on the next request', async () => {
    const { app, users } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const agent = request.agent(app);
    await signIn(agent, 'ana@beacon.example');
    expect((await agent.get('/console')).status).toBe(200);
    await users.update('ana@beacon.example', { disabled: true });
    expect((await agent.get('/console')).status).toBe(303);
    await users.update('ana@beacon.example', { disabled: false });
    expect((await agent.get('/console')).status).toBe(303); // the session ended for good
    expect((await signIn(request.agent(app), 'ana@beacon.example')).status).toBe(303);
  });

  it('ends the sessions begun before a password reset', async () => {
    const { app, users } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const agent = request.agent(app);
    await signIn(agent, 'ana@beacon.example');
    await users.update('ana@beacon.example', {
      passwordHash: await hashPassword('a new passphrase'),
    });
    expect((await agent.get('/console')).status).toBe(303);
    expect((await signIn(agent, 'ana@beacon.example', 'a new passphrase')).status).toBe(303);
    expect((await agent.get('/console')).status).toBe(200);
  });

  it('logs out with the CSRF token, and the old cookie no longer works', async () => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const agent = request.agent(app);
    const login = await signIn(agent, 'ana@beacon.example');
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const token = await csrfOf(agent);
    const out = await agent.post('/console/logout').type('form').send({ _csrf: token });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/console/login');
    expect((await request(app).get('/console').set('Cookie', cookie)).status).toBe(303);
  });

  it.each([
    ['no CSRF token', {}, {}],
    ['another token', { _csrf: 'x'.repeat(43) }, {}],
    ['the token from another site', 'TOKEN', { Origin: 'https://evil.example' }],
    ['the token from a cross-site fetch', 'TOKEN', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses a logout with %s', async (_what, body, headers) => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const agent = request.agent(app);
    await signIn(agent, 'ana@beacon.example');
    const token = await csrfOf(agent);
    const res = await agent
      .post('/console/logout')
      .set(headers)
      .type('form')
      .send(body === 'TOKEN' ? { _csrf: token } : body);
    expect(res.status).toBe(403);
    expect((await agent.get('/console')).status).toBe(200);
  });

  it('accepts the CSRF token in an X-CSRF-Token header', async () => {
    const { app } = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
    const agent = request.agent(app);
    await signIn(agent, 'ana@beacon.example');
    const res = await agent.post('/console/logout').set('X-CSRF-Token', await csrfOf(agent));
    expect(res.status).toBe(303);
    expect((await agent.get('/console')).status).toBe(303);
  });

  it('refuses a role a route is not open to', async () => {
    const team = (auth: ConsoleAuth) => [
      Router().get('/console/team', requireConsoleUser(auth, ['admin']), (req, res) => {
        res.send(`team of ${consoleUserOf(req).user.name}`);
      }),
    ];
    const { app } = await consoleTestBed(
      [
        await consoleUser('ana@beacon.example', 'rep'),
        await consoleUser('max@beacon.example', 'admin', 'Max'),
      ],
      {},
      team,
    );
    const rep = request.agent(app);
    await signIn(rep, 'ana@beacon.example');
    const refused = await rep.get('/console/team');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('not open to the rep role');
    const admin = request.agent(app);
    await signIn(admin, 'max@beacon.example');
    expect((await admin.get('/console/team')).text).toBe('team of Max');
  });
});
