import type { TestHub } from './test-hub';

/**
 * Visitors of one service are served, one after another, at Loket 1 by its demo officer, and
 * each answers the SKM with the body given: the fixture of the IKM tests.
 */
export async function serveAndAnswer(
  hub: TestHub,
  serviceId: string,
  bodies: readonly Record<string, unknown>[],
): Promise<void> {
  const admin = await hub.login('admin');
  const codes: string[] = [];
  while (codes.length < bodies.length) {
    const issued = await hub.api('/api/tickets', { token: admin, body: { serviceId } });
    codes.push(issued.body.code as string);
  }
  const officer = await hub.client(await hub.login('petugas.disdukcapil'));
  const command = async (name: Parameters<typeof officer.command>[0]) => {
    const ack = await officer.command(name, { counterId: 'loket-1' });
    if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  };
  await command('counter:open');
  for (const [i, body] of bodies.entries()) {
    for (const name of ['counter:call-next', 'counter:start', 'counter:finish'] as const)
      await command(name);
    const answered = await hub.api(`/api/tickets/${codes[i]}/survey`, { body });
    if (answered.status !== 201) throw new Error(JSON.stringify(answered.body));
  }
}
