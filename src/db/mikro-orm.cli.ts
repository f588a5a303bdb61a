// Configuration for the MikroORM CLI (`npm run migration:create`, run through scripts/with-db.ts,
// which points DATABASE_URL at embedded PostgreSQL when none is set).
import 'reflect-metadata';
import { ormConfig } from './orm-config';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set for the MikroORM CLI');
const config = ormConfig({ clientUrl: process.env.DATABASE_URL });
if (config.migrations) config.migrations.migrationsList = undefined; // the CLI writes new files into migrations/
export default config;
