import type { UserView } from '@antre/protocol';
import { ErrorBodySchema } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { DEMO_PASSWORD, startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
let spv: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  spv = await hub.login('spv.disdukcapil');
});
afterAll(async () => hub.close());

const signIn = (username: string, password: string) =>
  hub.api('/api/auth/login', { body: { username, password } });
const create = (token: string, body: object) => hub.api('/api/users', { token, body });

describe('people', () => {
  it('when the admin adds a supervisor without a password, then one is made, shown once, and works', async () => {
    const { status, body } = await create(admin, {
      username: 'spv.baru',
      displayName: 'Supervisor Baru',
      role: 'supervisor',
      agencyId: 'disdukcapil',
    });

    expect(status).toBe(201);
    expect(body.user).toMatchObject({ username: 'spv.baru', role: 'supervisor', active: true });
    expect(body.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await signIn('spv.baru', body.password as string)).status).toBe(200);
    const listed = (await hub.api('/api/users', { token: admin })).body.users as UserView[];
    expect(JSON.stringify(listed)).not.toMatch(/password|scrypt/);
  });

  it('when a supervisor adds an officer of their agency, then it works; another agency or a supervisor, then 403', async () => {
    const officer = { username: 'petugas.dua', displayName: 'Petugas Dua', role: 'officer' };

    const own = await create(spv, { ...officer, agencyId: 'disdukcapil', password: 'rahasia-123' });
    const foreign = await create(spv, {
      ...officer,
      username: 'x.lain',
      agencyId: 'bpjs-kesehatan',
    });
    const boss = await create(spv, {
      ...officer,
      username: 'x.spv',
      role: 'supervisor',
      agencyId: 'disdukcapil',
    });

    expect(own.status).toBe(201);
    expect(own.body.password).toBeUndefined();
    expect(foreign.status).toBe(403);
    expect(boss.status).toBe(403);
    const taken = await create(admin, { ...officer, agencyId: 'disdukcapil' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'conflict',
      reasons: [{ code: 'username_taken', name: officer.username }],
    });
    expect(
      (await create(admin, { ...officer, username: 'adm2', role: 'admin', agencyId: 'x' })).body
        .error,
    ).toMatchObject({ fields: [{ path: 'agencyId', rule: 'admin_without_agency' }] });
  });

  it('when a supervisor lists people, then they see only their own agency', async () => {
    const users = (await hub.api('/api/users', { token: spv })).body.users as UserView[];

    expect(users.length).toBeGreaterThanOrEqual(2);
    expect(users.every((u) => u.agencyId === 'disdukcapil')).toBe(true);
    expect(
      (await hub.api('/api/users', { token: await hub.login('petugas.disdukcapil') })).status,
    ).toBe(403);
  });

  it('when an officer is deactivated, then their session ends and they cannot sign in', async () => {
    const created = await create(spv, {
      username: 'petugas.pergi',
      displayName: 'Petugas Pergi',
      role: 'officer',
      agencyId: 'disdukcapil',
      password: 'rahasia-456',
    });
    const id = (created.body.user as UserView).id;
    const token = await hub.login('petugas.pergi', 'rahasia-456');

    const other = await hub.login('spv.bpjs-kesehatan');
    expect((await hub.api(`/api/users/${id}/deactivate`, { token: other, body: {} })).status).toBe(
      403,
    );
    const done = await hub.api(`/api/users/${id}/deactivate`, { token: spv, body: {} });

    expect(done).toMatchObject({ status: 200, body: { active: false } });
    expect((await hub.api('/api/counters/staff', { token })).status).toBe(401);
    expect((await signIn('petugas.pergi', 'rahasia-456')).status).toBe(401);
  });

  it('when a password is reset, then the new one works once shown and the old one does not', async () => {
    const users = (await hub.api('/api/users', { token: admin })).body.users as UserView[];
    const officer = users.find((u) => u.username === 'petugas.dua')!;

    const reset = await hub.api(`/api/users/${officer.id}/password`, { token: admin, body: {} });

    expect(reset.status).toBe(200);
    expect((await signIn('petugas.dua', 'rahasia-123')).status).toBe(401);
    expect((await signIn('petugas.dua', reset.body.password as string)).status).toBe(200);
  });
});

describe('changing people', () => {
  const edit = (token: string, id: string, body: object) =>
    hub.api(`/api/users/${id}`, { token, body });
  const byName = async (username: string) =>
    ((await hub.api('/api/users', { token: admin })).body.users as UserView[]).find(
      (u) => u.username === username,
    )!;

  it('when the admin makes an officer a supervisor of another agency, then it is saved, audited, and their session ends', async () => {
    await create(admin, {
      username: 'petugas.naik',
      displayName: 'Petugas Naik',
      role: 'officer',
      agencyId: 'disdukcapil',
      password: 'rahasia-321',
    });
    const token = await hub.login('petugas.naik', 'rahasia-321');
    const user = await byName('petugas.naik');

    const done = await edit(admin, user.id, {
      displayName: 'Bu Naik',
      role: 'supervisor',
      agencyId: 'bpjs-kesehatan',
    });

    expect(done).toMatchObject({
      status: 200,
      body: { displayName: 'Bu Naik', role: 'supervisor', agencyId: 'bpjs-kesehatan' },
    });
    expect((await hub.api('/api/counters/staff', { token })).status).toBe(401);
    const audit = (await hub.api('/api/audit?action=user.update', { token: admin })).body
      .entries as { target: string; detail: Record<string, unknown> }[];
    expect(audit[0]).toMatchObject({
      target: user.id,
      detail: {
        username: 'petugas.naik',
        role: 'officer → supervisor',
        displayName: expect.any(String),
      },
    });
  });

  it("when an edit breaks the agency rule, leaves a supervisor's agency, or demotes oneself, then it is refused", async () => {
    const user = await byName('petugas.disdukcapil');
    const me = await byName('admin');

    const noAgency = await edit(admin, user.id, {
      displayName: 'X',
      role: 'officer',
      agencyId: null,
    });
    const adminWithAgency = await edit(admin, user.id, {
      displayName: 'X',
      role: 'admin',
      agencyId: 'disdukcapil',
    });
    const moved = await edit(spv, user.id, {
      displayName: user.displayName,
      role: 'officer',
      agencyId: 'bpjs-kesehatan',
    });
    const self = await edit(admin, me.id, {
      displayName: me.displayName,
      role: 'officer',
      agencyId: 'disdukcapil',
    });
    const renamed = await edit(spv, user.id, {
      displayName: 'Petugas Ganti Nama',
      role: 'officer',
      agencyId: 'disdukcapil',
    });

    expect(noAgency.body.error).toMatchObject({
      fields: [{ path: 'agencyId', rule: 'agency_required' }],
    });
    expect(adminWithAgency.body.error).toMatchObject({
      fields: [{ path: 'agencyId', rule: 'admin_without_agency' }],
    });
    expect(moved.status).toBe(403);
    expect(self.body.error).toMatchObject({ fields: [{ path: 'role', rule: 'own_role' }] });
    expect(renamed).toMatchObject({ status: 200, body: { displayName: 'Petugas Ganti Nama' } });
  });

  it('when a person is added with a short password and a bad username, then each field names its rule and values', async () => {
    const { status, body } = await create(admin, {
      username: 'Budi Santoso',
      displayName: 'Budi',
      role: 'officer',
      agencyId: 'disdukcapil',
      password: 'pendek',
    });

    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error.fields).toEqual([
      {
        path: 'username',
        rule: 'username',
        message: '3–64 lowercase letters, digits, dots, - or _',
      },
      {
        path: 'password',
        rule: 'too_short',
        values: { min: 10 },
        message: 'Too small: expected string to have >=10 characters',
      },
    ]);
  });

  it('when five wrong passwords lock a name, then the list says until when, and unlocking lets them in', async () => {
    const user = await byName('petugas.disdukcapil');
    for (let i = 0; i < 5; i++) await signIn('petugas.disdukcapil', 'salah-sekali');

    const locked = await byName('petugas.disdukcapil');
    expect(locked.lockedUntil).toBeGreaterThan(Date.now());
    expect((await signIn('petugas.disdukcapil', DEMO_PASSWORD)).status).not.toBe(200);

    const unlocked = await hub.api(`/api/users/${user.id}/unlock`, { token: spv, body: {} });

    expect(unlocked).toMatchObject({ status: 200, body: { lockedUntil: null } });
    expect((await signIn('petugas.disdukcapil', DEMO_PASSWORD)).status).toBe(200);
    const audit = (await hub.api('/api/audit?action=user.unlock', { token: admin })).body
      .entries as { targetName: string }[];
    expect(audit[0]?.targetName).toMatch(/\(petugas\.disdukcapil\)$/);
  });
});
