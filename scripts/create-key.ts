/**
 * Creates an API key, and with --organisation a new organisation for it, in the database the
 * service uses (DATABASE_URL, else the embedded database in DATA_DIR). The key is printed once:
 * only its hash is stored.
 *
 *   npm run create-key -- --organisation "Gemeente Voorbeeld" [--label "beleidsteam"]
 *   npm run create-key -- --organisation-id <id> [--label ...]     another key for an organisation
 *   npm run create-key -- --list                                    organisations and their keys
 *   npm run create-key -- --revoke <key id>
 *
 * The embedded database serves one process: stop the service first (PostgreSQL needs no stop).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config.js';
import { openStore, type Store } from '../store/index.js';

const usage = 'Usage: npm run create-key -- --organisation "<name>" | --organisation-id <id> [--label <text>] | --list | --revoke <key id>';

const { values } = parseArgs({
  options: {
    organisation: { type: 'string' },
    'organisation-id': { type: 'string' },
    label: { type: 'string' },
    list: { type: 'boolean', default: false },
    revoke: { type: 'string' },
  },
  strict: true,
});

async function main(store: Store): Promise<number> {
  if (values.list) {
    for (const organisation of await store.organisations.list()) {
      console.log(`${organisation.id}  ${organisation.name}`);
      for (const key of await store.apiKeys.list(organisation.id)) {
        console.log(`  key ${key.id}  ${key.prefix}…  ${key.label ?? ''}${key.revokedAt !== null ? `  revoked ${key.revokedAt.toISOString()}` : ''}`);
      }
    }
    return 0;
  }
  if (values.revoke !== undefined) {
    const revoked = await store.apiKeys.revoke(values.revoke);
    console.log(revoked ? `Revoked key ${values.revoke}.` : `No active key ${values.revoke}.`);
    return revoked ? 0 : 1;
  }
  let organisationId = values['organisation-id'];
  if (values.organisation !== undefined) {
    const organisation = await store.organisations.create(values.organisation);
    console.log(`Organisation: ${organisation.name} (id ${organisation.id})`);
    organisationId = organisation.id;
  } else if (organisationId === undefined || (await store.organisations.get(organisationId)) === null) {
    console.error(organisationId === undefined ? usage : `No organisation ${organisationId}.`);
    return 2;
  }
  const { key, apiKey } = await store.apiKeys.create(organisationId, values.label ?? null);
  console.log(`Key id: ${apiKey.id}`);
  console.log(`API key (shown only now; send it as "Authorization: Bearer <key>"):\n${key}`);
  return 0;
}

const config = loadConfig();
const store = await openStore(config.DATABASE_URL !== undefined ? { databaseUrl: config.DATABASE_URL } : { dataDirectory: config.DATA_DIR });
let code: number;
try {
  code = await main(store);
} finally {
  await store.close();
}
process.exit(code);
