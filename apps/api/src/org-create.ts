// `npm run org:create -- --name "Si on s'alliait ?" --email organiser@example.org [--password …]
//   [--display-name "Camille"] [--locale fr|en]`: creates an organisation and its first organiser,
// for instances where RAPPORT_REGISTRATION=closed. Without --password, prints a one-time link
// (valid 7 days) where the organiser chooses theirs. Uses DATABASE_URL, or the embedded
// PostgreSQL in RAPPORT_DATA_DIR like `npm run migrate`.
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createDataSource } from '@rapport/db';
import { ConfigError, loadConfig, rapportDataSourceConfig, runMigrations } from '@rapport/platform';
import { startLocalPostgres } from '@rapport/local-services';
import { AuthService } from '@rapport/auth';

const FIRST_LINK_MS = 7 * 24 * 3600 * 1000;
const usage =
  'usage: npm run org:create -- --name <organisation> --email <organiser email> [--password <12+ characters>] [--display-name <name>] [--locale fr|en]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        'display-name': { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!args.name || !args.email) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const local = config.databaseUrl ? undefined : await startLocalPostgres({ dataDir: join(config.dataDir, 'postgres') });
  const url = config.databaseUrl ?? local!.url;
  await runMigrations(url);
  const db = createDataSource(rapportDataSourceConfig(url, { poolSize: 2 }));
  await db.initialize();
  try {
    const auth = new AuthService(db, config.auth);
    // Without a password, an unguessable one that nobody knows, replaced through the link.
    const password = args.password ?? randomBytes(24).toString('base64url');
    const checked = auth.checkRegistration({
      organizationName: args.name,
      email: args.email,
      password,
      displayName: args['display-name'] ?? args.email.split('@')[0],
      locale: args.locale ?? 'fr',
    });
    const { user, organization } = await auth.createOrganization(checked);
    await db.transaction((em) => auth.audit(em, { organizationId: organization.id, userId: null }, 'CREATE_ORGANIZATION', 'USER', user.id));
    console.log(`organisation "${organization.name}" created (${organization.id}); first organiser ${user.email}`);
    if (!args.password) {
      const token = await db.transaction((em) => auth.createPasswordReset(em, user.id, FIRST_LINK_MS));
      const base = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
      console.log(`send them this link to choose their password (one use, valid 7 days):\n${base}/reset-password/${token}`);
    }
    return 0;
  } finally {
    await db.destroy();
    await local?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError) console.error(`configuration: ${error.message}`);
    else if (error instanceof GraphQLError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
