import type { EntityManager } from '@mikro-orm/postgresql';
import { LocalAuthority } from '../modules/reference/local-authority.entity';
import { ManagerAppointment } from '../modules/providers/manager-appointment.entity';
import { Provider } from '../modules/providers/provider.entity';
import { RegisteredProvider } from '../modules/providers/registered-provider.entity';
import { readLocalAuthorities } from './reference-data';
import { generateSyntheticRegister } from './synthetic-register';

const CHUNK = 1_000;

export async function isRegisterEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Provider, {})) === 0;
}

/** Deletes every setting, registered provider and appointment (reference data stays). */
export async function clearRegister(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.nativeDelete(ManagerAppointment, {});
    await tx.nativeDelete(Provider, {});
    await tx.nativeDelete(RegisteredProvider, {});
  });
}

/**
 * Writes the synthetic register for `providers` settings from `seed` in one transaction, flushing
 * and clearing the identity map every thousand settings so memory stays flat at national scale.
 */
export async function seedSyntheticRegister(
  em: EntityManager,
  options: { providers: number; seed: number },
): Promise<{ providers: number; registeredProviders: number; appointments: number }> {
  const register = generateSyntheticRegister({ ...options, localAuthorities: readLocalAuthorities() });
  const used = new Set(register.providers.map((p) => p.registeredProvider));
  const registeredIds = new Map<number, string>();
  let appointments = 0;
  await em.transactional(async (tx) => {
    for (const rp of register.registeredProviders) {
      if (!used.has(rp.key)) continue;
      const entity = tx.create(RegisteredProvider, { kind: rp.kind, name: rp.name, address: rp.address });
      registeredIds.set(rp.key, entity.id);
    }
    await tx.flush();
    tx.clear();
    for (let i = 0; i < register.providers.length; i += CHUNK) {
      for (const p of register.providers.slice(i, i + CHUNK)) {
        const { appointments: history, registeredProvider, localAuthority, ...fields } = p;
        const provider = tx.create(Provider, {
          ...fields,
          localAuthority: tx.getReference(LocalAuthority, localAuthority),
          registeredProvider: tx.getReference(RegisteredProvider, registeredIds.get(registeredProvider)!),
        });
        for (const appointment of history) tx.create(ManagerAppointment, { provider, ...appointment });
        appointments += history.length;
      }
      await tx.flush();
      tx.clear();
    }
  });
  return { providers: register.providers.length, registeredProviders: registeredIds.size, appointments };
}
